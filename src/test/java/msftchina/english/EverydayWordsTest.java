package msftchina.english;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which words are everyday English words, as WordNet's sense counts say. */
class EverydayWordsTest {

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    // words of any text, and their inflections, regular and irregular
    "place, true",
    "year, true",
    "world, true",
    "companies, true",
    "biggest, true",
    "won, true",
    "Next, true",
    // words that say what a text is about
    "revenue, false",
    "testimony, false",
    "existential, false",
    "coffee, false",
    "customer, false",
    // names, numbers and other scripts never are
    "azure, false",
    "bytedance, false",
    "400, false",
    "字节跳动, false",
  })
  void tellsEverydayWordsFromTheRest(String word, boolean everyday) {
    assertEquals(everyday, EverydayWords.isEveryday(word), word);
  }

  @Test
  void onlyWhenEveryWordIsEveryday() {
    assertTrue(EverydayWords.only(List.of("best", "place")));
    assertFalse(EverydayWords.only(List.of("place", "revenue")));
    assertFalse(EverydayWords.only(List.of()));
  }
}
