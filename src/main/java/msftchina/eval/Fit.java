package msftchina.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import msftchina.search.Answer;
import msftchina.search.DecisionModel;
import msftchina.search.Match;

/**
 * Fits the decision's parameters ({@link DecisionModel}) on evaluation questions by grid search,
 * and measures the fit honestly with k-fold cross-validation: each fold is scored with the
 * parameters chosen on the other folds only.
 */
public final class Fit {

  /**
   * How one fold went.
   *
   * @param fold the fold's number, from 1
   * @param model the parameters chosen on the other folds
   * @param trainAccuracy the share of the other folds' questions decided right with them
   * @param answerable the held fold's questions the report answers
   * @param hit1 the share of those answered first by an expected statement
   * @param offTopic the held fold's questions the report doesn't answer
   * @param refused the share of those refused
   */
  public record Fold(
      int fold,
      DecisionModel model,
      double trainAccuracy,
      int answerable,
      double hit1,
      int offTopic,
      double refused) {}

  /**
   * The fit.
   *
   * @param folds each fold, scored with parameters chosen without it
   * @param model the parameters chosen on all the questions
   * @param accuracy the share of all the questions decided right with them
   */
  public record Fitted(List<Fold> folds, DecisionModel model, double accuracy) {}

  /** The most coverage, in hundredths, an unnamed question may need beyond the others'. */
  static final int MAX_EXTRA_UNNAMED = 30;

  private Fit() {}

  /**
   * Returns the parameters tried: coverage 0.35 to 0.50 and unknown weights 0.20 to 0.45 (unknown
   * English words) and 0.30 to 0.50 (others), around the earlier fits, where an unnamed question
   * needs the same coverage as any other or up to {@link #MAX_EXTRA_UNNAMED} hundredths more, and
   * an everyday English word weighs as much as any other English word or half as much.
   */
  public static List<DecisionModel> grid() {
    List<DecisionModel> grid = new ArrayList<>();
    for (int c = 35; c <= 50; c += 5) {
      for (int u = c; u <= c + MAX_EXTRA_UNNAMED; u += 5) {
        for (int w = 20; w <= 45; w += 5) {
          for (int o = 30; o <= 50; o += 10) {
            for (int e : new int[] {w / 2, w}) {
              grid.add(new DecisionModel(c / 100.0, u / 100.0, w / 100.0, o / 100.0, e / 100.0));
            }
          }
        }
      }
    }
    return grid;
  }

  /**
   * Fits {@code grid}'s best parameters on {@code questions}, asked with {@code ask}, with {@code
   * k} folds shuffled by {@code seed}. Ties go to the parameters nearest the hand-chosen ones.
   */
  public static Fitted run(
      List<EvalQuestion> questions,
      BiFunction<String, DecisionModel, Answer> ask,
      List<DecisionModel> grid,
      int k,
      long seed) {
    boolean[][] right = new boolean[grid.size()][questions.size()];
    for (int g = 0; g < grid.size(); g++) {
      for (int q = 0; q < questions.size(); q++) {
        right[g][q] =
            decidedRight(questions.get(q), ask.apply(questions.get(q).question(), grid.get(g)));
      }
    }
    List<Integer> order = new ArrayList<>();
    for (int q = 0; q < questions.size(); q++) {
      order.add(q);
    }
    Collections.shuffle(order, new Random(seed));
    int[] foldOf = new int[questions.size()];
    for (int i = 0; i < order.size(); i++) {
      foldOf[order.get(i)] = i % k;
    }
    List<Fold> folds = new ArrayList<>();
    for (int f = 0; f < k; f++) {
      final int held = f;
      int best = best(grid, right, questions, q -> foldOf[q] != held);
      int train = 0;
      int trainRight = 0;
      int answerable = 0;
      int hits = 0;
      int offTopic = 0;
      int refused = 0;
      for (int q = 0; q < questions.size(); q++) {
        if (foldOf[q] != held) {
          train++;
          trainRight += right[best][q] ? 1 : 0;
        } else if (questions.get(q).answerable()) {
          answerable++;
          hits += right[best][q] ? 1 : 0;
        } else {
          offTopic++;
          refused += right[best][q] ? 1 : 0;
        }
      }
      folds.add(
          new Fold(
              f + 1,
              grid.get(best),
              (double) trainRight / train,
              answerable,
              answerable == 0 ? 0 : (double) hits / answerable,
              offTopic,
              offTopic == 0 ? 0 : (double) refused / offTopic));
    }
    int best = best(grid, right, questions, q -> true);
    int total = 0;
    for (boolean r : right[best]) {
      total += r ? 1 : 0;
    }
    return new Fitted(folds, grid.get(best), (double) total / questions.size());
  }

  /**
   * Returns the index in {@code grid} deciding best the questions {@code in} takes: the highest
   * mean of three shares, the answerable questions answered right, the near-topic ones refused and
   * the off-topic ones refused, as the goals are a share of each; so that the more numerous
   * answerable questions don't buy answers with wrong ones, nor near-topic refusals with off-topic
   * answers.
   */
  private static int best(
      List<DecisionModel> grid,
      boolean[][] right,
      List<EvalQuestion> questions,
      java.util.function.IntPredicate in) {
    int best = -1;
    double bestScore = -1;
    double bestDistance = Double.MAX_VALUE;
    for (int g = 0; g < grid.size(); g++) {
      int[] asked = new int[3];
      int[] decided = new int[3];
      for (int q = 0; q < right[g].length; q++) {
        if (in.test(q)) {
          EvalQuestion question = questions.get(q);
          int kind = question.answerable() ? 0 : question.nearTopic() ? 1 : 2;
          asked[kind]++;
          decided[kind] += right[g][q] ? 1 : 0;
        }
      }
      double score = 0;
      for (int kind = 0; kind < 3; kind++) {
        score += asked[kind] == 0 ? 0 : (double) decided[kind] / asked[kind];
      }
      double distance = distance(grid.get(g), DecisionModel.UNFITTED);
      if (score > bestScore + 1e-12
          || (Math.abs(score - bestScore) <= 1e-12 && distance < bestDistance)) {
        best = g;
        bestScore = score;
        bestDistance = distance;
      }
    }
    return best;
  }

  private static double distance(DecisionModel a, DecisionModel b) {
    return Math.abs(a.minCoverage() - b.minCoverage())
        + Math.abs(a.minCoverageUnnamed() - b.minCoverageUnnamed())
        + Math.abs(a.unknownWordWeight() - b.unknownWordWeight())
        + Math.abs(a.unknownOtherWeight() - b.unknownOtherWeight())
        + Math.abs(a.unknownEverydayWeight() - b.unknownEverydayWeight());
  }

  /**
   * Returns whether {@code answer} decides {@code q} right: refused when the report doesn't answer
   * it, else answered first by an expected statement.
   */
  static boolean decidedRight(EvalQuestion q, Answer answer) {
    if (!q.answerable()) {
      return !answer.answered();
    }
    List<Match> matches = answer.matches();
    return !matches.isEmpty() && q.expected().contains(matches.get(0).fact().id());
  }
}
