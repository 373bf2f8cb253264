package msftchina.english;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The other words the build draws from WordNet 3.1 for the senses a report means: a report folder
 * with a {@code senses.txt} is read and its thesaurus file written, as {@code mvn package} does.
 */
class WordNetSensesTest {

  @ParameterizedTest(name = "{0}: has [{1}], not [{2}]")
  @CsvSource(
      delimiter = '|',
      value = {
        // the synset's words, their inflections, narrower words whose usual sense it is
        "customer = customer.n.01 | client clients shopper shoppers | john tricks",
        // a verb's inflections, irregular from WordNet's exception lists; its noun
        "spending = spend.v.02 | spent spends expenditure | drop dropped",
        // a derivation of the sense: the verb of sales
        "sales = sale.n.02 | sell sells | auction",
        // opposites: the antonym's synset, with its forms
        "growth != increase.v.01 | decrease decreasing diminished | increase",
        // a stop word and a name of the report are never other words
        "view = view.v.01 | viewed viewing | regard consider",
      })
  void eachSenseGivesItsWordsOnly(String line, String has, String hasNot, @TempDir Path facts)
      throws IOException {
    Set<String> others = others(facts, line);
    for (String word : has.split(" ", -1)) {
      assertTrue(others.contains(word), "'" + word + "' missing from " + others);
    }
    for (String word : hasNot.split(" ", -1)) {
      assertTrue(!others.contains(word), "'" + word + "' given: " + others);
    }
  }

  @Test
  void aSenseWordNetDoesNotHaveStopsTheBuildWithItsLine(@TempDir Path facts) throws IOException {
    IOException e = assertThrows(IOException.class, () -> others(facts, "revenue = revenue.n.09"));
    assertEquals(
        facts.resolve("r").resolve("senses.txt") + ":4: WordNet 3.1 has no sense revenue.n.09",
        e.getMessage());
  }

  /** Writes a report folder with {@code line} in a commented block and returns its other words. */
  private static Set<String> others(Path facts, String line) throws IOException {
    Path report = Files.createDirectories(facts.resolve("r"));
    Files.writeString(
        report.resolve("senses.txt"),
        "# header\n\n# block (source: test)\n" + line + "\n",
        StandardCharsets.UTF_8);
    Files.writeString(report.resolve("names.txt"), "# header\n\n# (source: test)\nRegard\n");
    Files.writeString(facts.resolve("stopwords.txt"), "# header\n\n# (source: test)\nconsider\n");
    Path out = facts.resolve("out");
    WordNetSenses.main(new String[] {facts.toString(), out.toString()});
    List<String> lines = Files.readAllLines(out.resolve("r.txt"), StandardCharsets.UTF_8);
    return lines.stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#"))
        .flatMap(l -> Arrays.stream(l.substring(l.indexOf('=') + 1).split(",", -1)))
        .map(String::strip)
        .collect(Collectors.toSet());
  }
}
