package msftchina.english;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which nouns name a physical thing or a natural phenomenon first, as WordNet files them. */
class PhysicalNounsTest {

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    // natural phenomena, food, artifacts, and their plurals
    "weather, true",
    "lunch, true",
    "cafe, true",
    "cafes, true",
    "coffee, true",
    "office, true",
    // relations, states, feelings, ideas and acts, which a report about a business describes
    "relationship, false",
    "mood, false",
    "situation, false",
    "outlook, false",
    "market, false",
    "strategy, false",
    // names and other scripts never are
    "bytedance, false",
    "天气, false",
  })
  void tellsPhysicalNounsFromTheRest(String word, boolean physical) {
    assertEquals(physical, PhysicalNouns.isPhysical(word), word);
  }
}
