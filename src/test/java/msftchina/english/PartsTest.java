package msftchina.english;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The verb forms a reworded question needs, as WordNet's forms and English's rules give them. */
class PartsTest {

  @ParameterizedTest(name = "{0}: past {1}, -s {2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        // regular: -ed, a final e dropped, y to i, a short verb's consonant doubled
        "testify | testified | testifies",
        "use     | used      | uses",
        "plan    | planned   | plans",
        "open    | opened    | opens",
        // irregular, from WordNet's exception lists: the past, not the participle beside it
        "go      | went      | goes",
        "take    | took      | takes",
        "begin   | began     | begins",
        "spend   | spent     | spends",
        "have    | had       | has",
        // invariable verbs, and the regular past current English writes before an old one
        "cost    | cost      | costs",
        "put     | put       | puts",
        "work    | worked    | works",
        "learn   | learned   | learns",
        // WordNet lists only a participle (shown): the past is not known, so nothing is guessed
        "show    | -         | shows",
        // not a verb
        "revenue | -         | -",
      })
  void givesAVerbsPastAndThirdPersonForms(String verb, String past, String third) {
    assertEquals(past, Parts.past(verb), verb);
    assertEquals(third, Parts.third(verb), verb);
  }
}
