package msftchina.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The best of a library's groups' answers to a question: an answer before a refusal, a strong match
 * before a partial one, then the one covering more of the question, then the group named first. The
 * question is read by every group, but searched in a group only when its reading leaves that group
 * a chance to win, the smallest groups first: an answer is never stronger, nor covers more, than
 * its reading. A question the bundled report answers well is then not searched among a million
 * other statements; the answer is the one every group's search would give.
 *
 * <p>NOTE: immutable, safe for concurrent use.
 */
final class BestAnswer {

  private final List<FactSearcher> groups;
  private final int[] smallestFirst;

  /** Chooses among {@code groups}, in the order they are named. */
  BestAnswer(List<FactSearcher> groups) {
    this.groups = List.copyOf(groups);
    this.smallestFirst =
        IntStream.range(0, groups.size())
            .boxed()
            .sorted(Comparator.comparingInt((Integer g) -> groups.get(g).statements()))
            .mapToInt(Integer::intValue)
            .toArray();
  }

  /** Returns the best answer to {@code question}, deciding with {@code model}. */
  Answer of(String question, DecisionModel model) {
    Reading[] readings = new Reading[groups.size()];
    for (int g = 0; g < readings.length; g++) {
      readings[g] = groups.get(g).read(question, model);
    }
    if (readings.length > 1 && readings[0].gist()) {
      return ledes(question, readings);
    }
    Answer best = null;
    int bestGroup = -1;
    for (int g : smallestFirst) {
      Reading reading = readings[g];
      if (best != null
          && reading.refusal() == null
          && !beats(
              Answer.Strength.ofCoverage(reading.coverage()),
              reading.coverage(),
              g,
              best,
              bestGroup)) {
        continue; // at best as strong and covering as much as its reading: it can't win
      }
      Answer answer = groups.get(g).search(reading);
      if (best == null || beats(answer.strength(), answer.coverage(), g, best, bestGroup)) {
        best = answer;
        bestGroup = g;
      }
    }
    return best;
  }

  /**
   * Returns the answer to a request for the gist of every report ({@link Gist}), read as {@code
   * readings} by the groups: each report's first statement, in the groups' order, at most {@link
   * Ranking#MAX_FACTS}.
   */
  private Answer ledes(String question, Reading[] readings) {
    List<Match> ledes = new ArrayList<>();
    for (int g = 0; g < readings.length && ledes.size() < Ranking.MAX_FACTS; g++) {
      for (Match match : groups.get(g).search(readings[g]).matches()) {
        if (match.fact().paragraph() == 1 && match.fact().position() == 1) {
          ledes.add(match);
        }
      }
    }
    List<Match> shown = ledes.subList(0, Math.min(ledes.size(), Ranking.MAX_FACTS));
    return shown.isEmpty()
        ? groups.get(0).search(readings[0])
        : new Answer(question, List.copyOf(shown), null, Answer.Strength.STRONG, 1);
  }

  /**
   * Returns whether an answer of {@code strength} covering {@code coverage} from group {@code
   * group} comes before {@code best}, from group {@code bestGroup}.
   */
  private static boolean beats(
      Answer.Strength strength, double coverage, int group, Answer best, int bestGroup) {
    if (strength != best.strength()) {
      return strength.strongerThan(best.strength());
    }
    int covers = Double.compare(best.coverage(), coverage);
    return covers != 0 ? covers < 0 : group < bestGroup;
  }
}
