package msftchina.english;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

  @ParameterizedTest(name = "{0}: \"{1}\" {2}")
  @CsvSource({
    // a province and a city of China, one inside the other
    "china.n.01,         sichuan,        true",
    "china.n.01,         hangzhou,       true",
    "china.n.01,         shanghai,       true",
    // a state of the United States, and a region inside it
    "united_states.n.01, california,     true",
    "united_states.n.01, silicon valley, true",
    "united_states.n.01, seattle,        true",
    // another country's city, and the country itself
    "china.n.01,         moscow,         false",
    "china.n.01,         china,          false",
    "united_states.n.01, toronto,        false",
    // an abbreviation: "MD" in a question is more often a managing director
    "united_states.n.01, md,             false",
    // a town whose name is first another place's: Paris, Texas
    "united_states.n.01, paris,          false",
  })
  void aPlaceHasItsPartsAllTheWayDownAndNothingElse(
      String sense, String name, boolean inside, @TempDir Path dir) throws IOException {
    assertEquals(inside, places(dir, "place = " + sense).contains(name));
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
