package msftchina.english;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The places the build lists inside a report's own: WordNet 3.1's parts of the senses a report's
 * {@code places.txt} names, all the way down, written as {@code mvn package} does.
 */
class WordNetPlacesTest {

  private static WordNetData wordNet;

  @BeforeAll
  static void read() throws IOException {
    wordNet = new WordNetData();
  }

  @ParameterizedTest(name = "{0}: has \"{1}\"")
  @CsvSource({
    // a province and a city of China, one inside the other
    "china.n.01,         sichuan",
    "china.n.01,         hangzhou",
    "china.n.01,         shanghai",
    // a state of the United States, and a region inside it
    "united_states.n.01, california",
    "united_states.n.01, silicon valley",
    "united_states.n.01, seattle",
  })
  void aPlaceHasItsPartsAllTheWayDown(String sense, String part, @TempDir Path dir)
      throws IOException {
    assertTrue(places(dir, "place = " + sense).contains(part));
  }

  @ParameterizedTest(name = "{0}: not \"{1}\"")
  @CsvSource({
    // another country's city, and the country itself
    "china.n.01,         moscow",
    "china.n.01,         china",
    "united_states.n.01, toronto",
    // an abbreviation: "MD" in a question is more often a managing director
    "united_states.n.01, md",
    // a town whose name is first another place's: Paris, Texas
    "united_states.n.01, paris",
  })
  void notOutsideItNorAnAbbreviation(String sense, String other, @TempDir Path dir)
      throws IOException {
    assertFalse(places(dir, "place = " + sense).contains(other));
  }

  @Test
  void aSenseWordNetDoesNotHaveStopsTheBuildWithItsLine(@TempDir Path dir) throws IOException {
    IOException e = assertThrows(IOException.class, () -> places(dir, "China = china.n.09"));
    assertEquals(
        dir.resolve("places.txt") + ":2: WordNet 3.1 has no sense china.n.09", e.getMessage());
  }

  private static Set<String> places(Path dir, String line) throws IOException {
    Path file = dir.resolve("places.txt");
    Files.writeString(file, "# a place, as a WordNet sense (source: a test)\n" + line + "\n");
    return WordNetPlaces.places(file, wordNet);
  }
}
