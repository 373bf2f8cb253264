package msftchina.english;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which words are English words, as WordNet and its rules of inflection say. */
class LexiconTest {

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    // everyday words a question may use that the report doesn't: words, never typos of its words
    "near, true",
    "office, true",
    "weather, true",
    "decent, true",
    "cafe, true",
    "lunch, true",
    // inflections, regular and irregular, and doubled consonants
    "companies, true",
    "testified, true",
    "declining, true",
    "biggest, true",
    "running, true",
    "went, true",
    "mice, true",
    "Teams, true",
    // misspellings and names WordNet doesn't list
    "bigest, false",
    "custmer, false",
    "buisness, false",
    "microsfot, false",
    "revenu, false",
    "bytedance, false",
    "msft, false",
    // not letters a to z
    "1.5%, false",
    "字节跳动, false",
    "'', false",
  })
  void tellsEnglishWordsFromTheRest(String word, boolean english) {
    assertEquals(english, Lexicon.wordNet().isWord(word), word);
  }

  @Test
  void holdsWordNetsWordsInAboutAMegabyte() {
    assertTrue(Lexicon.wordNet().size() > 80_000, "words: " + Lexicon.wordNet().size());
  }

  @Test
  void aListWhoseLastLineHasNoNewlineKeepsThatWord() {
    Lexicon list = Lexicon.of("apple\nbanana".getBytes(StandardCharsets.UTF_8));
    assertEquals(2, list.size());
    assertTrue(list.isWord("banana"));
  }

  @Test
  void aListIsReadSkippingCommentsAndFindsItsFirstAndLastWords() {
    Lexicon list =
        Lexicon.of("# a comment\napple\nbanana\ncherry\n".getBytes(StandardCharsets.UTF_8));
    assertEquals(3, list.size());
    assertTrue(list.isWord("apple") && list.isWord("cherry") && list.isWord("bananas"));
    assertEquals(false, list.isWord("comment"));
  }
}
