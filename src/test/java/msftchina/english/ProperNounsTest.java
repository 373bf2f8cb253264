package msftchina.english;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which words are common proper nouns, however they are typed. */
class ProperNounsTest {

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    // days, places, peoples and languages, in any case
    "tuesday, true",
    "Friday, true",
    "london, true",
    "india, true",
    "french, true",
    "washington, true",
    // rare names: a misspelling ("chian" for china) or a colleague's handle more likely
    "chian, false",
    "lena, false",
    // the plural of an everyday word, whatever the capitalised name spelt alike
    "windows, false",
    "bridges, false",
    // everyday words, written in lower case in WordNet too
    "office, false",
    "may, false",
    "march, false",
    // two letters are abbreviations; other scripts never are
    "cr, false",
    "星期二, false",
  })
  void tellsCommonProperNounsFromTheRest(String word, boolean proper) {
    assertEquals(proper, ProperNouns.isProper(word), word);
  }
}
