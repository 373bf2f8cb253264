package msftchina.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The candidates Lucene finds in the fixture report for a reading's terms (the reader hands the
 * retriever only terms of the report, each with its weight): every statement using a term, best
 * first by BM25, a lighter term counting for less.
 */
class RetrieverTest {

  private static final FixtureReport report = FixtureReport.shared();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "pick                  | 1.1",
        // every statement using the word, the shorter first
        "robot                 | 4.4 2.2 1.1 4.2 1.2",
        "harrow                | 3.2 1.2",
        "chip                  | 3.1 3.2",
        // the statement with both words first
        "chip=1 harrow=1       | 3.2 3.1 1.2",
        // a lighter word counts for less: the statement with only the heavier one comes next
        "chip=0.1 harrow=1     | 3.2 1.2 3.1",
        "chip=1 harrow=0.1     | 3.2 3.1 1.2",
        // the subject's name is in 8 of the 13 statements
        "lumenbai              | 4.4 2.1 3.1 2.2 4.1 1.1 3.3 1.2",
        "-                     | -",
      })
  void findsTheStatementsUsingTheTermsBestFirst(String terms, String expected) {
    List<Candidate> candidates = report.retriever.candidates(terms(terms), null);

    assertEquals(FixtureReport.list(expected, " "), report.shortIds(candidates));
    for (int i = 1; i < candidates.size(); i++) {
      assertTrue(
          candidates.get(i).score() <= candidates.get(i - 1).score(),
          () -> "not best first: " + candidates);
    }
  }

  /** Returns "a=0.5 b" as the terms a with weight 0.5 and b with weight 1. */
  private static Map<String, Float> terms(String written) {
    Map<String, Float> terms = new LinkedHashMap<>();
    for (String term : FixtureReport.list(written, " ")) {
      List<String> parts = FixtureReport.list(term, "=");
      terms.put(parts.get(0), parts.size() == 1 ? 1f : Float.parseFloat(parts.get(1)));
    }
    return terms;
  }
}
