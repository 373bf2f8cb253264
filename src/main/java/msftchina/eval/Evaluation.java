package msftchina.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import msftchina.app.Wording;
import msftchina.search.Answer;
import msftchina.search.Match;

/** Scores answers against an evaluation set: hit@1, hit@3, MRR and correct refusals. */
public final class Evaluation {

  /**
   * The scores of one part of an evaluation set.
   *
   * @param part the part's name
   * @param answerable how many questions the report answers
   * @param hit1 the share of those whose first fact is expected
   * @param hit3 the share of those with an expected fact among the first three
   * @param mrr the mean reciprocal rank of the first expected fact
   * @param offTopic how many questions the report doesn't answer
   * @param refused the share of those the bot refused
   * @param errors how many questions threw instead of answering
   * @param misses a line for each question answered wrongly
   */
  public record Scores(
      String part,
      int answerable,
      double hit1,
      double hit3,
      double mrr,
      int offTopic,
      double refused,
      int errors,
      List<String> misses) {}

  private Evaluation() {}

  /** Returns the scores for each part of {@code questions}, then for all of them under "all". */
  public static Map<String, Scores> run(
      List<EvalQuestion> questions, Function<String, Answer> ask) {
    Map<String, List<EvalQuestion>> parts = new LinkedHashMap<>();
    for (EvalQuestion q : questions) {
      parts.computeIfAbsent(q.part(), p -> new ArrayList<>()).add(q);
    }
    parts.put("all", questions);
    Map<String, Scores> scores = new LinkedHashMap<>();
    parts.forEach((part, qs) -> scores.put(part, score(part, qs, ask)));
    return scores;
  }

  private static Scores score(
      String part, List<EvalQuestion> questions, Function<String, Answer> ask) {
    int answerable = 0;
    int hit1 = 0;
    int hit3 = 0;
    double reciprocal = 0;
    int offTopic = 0;
    int refused = 0;
    int errors = 0;
    List<String> misses = new ArrayList<>();
    for (EvalQuestion q : questions) {
      Answer answer;
      try {
        answer = ask.apply(q.question());
      } catch (RuntimeException e) {
        errors++;
        misses.add(String.format("[%s] %s -> error %s", q.part(), quoted(q.question()), e));
        continue;
      }
      List<String> got = answer.matches().stream().map(Match::fact).map(f -> f.id()).toList();
      if (!q.answerable()) {
        offTopic++;
        if (got.isEmpty()) {
          refused++;
        } else {
          misses.add(
              String.format(
                  "[%s] %s -> expected a refusal, got %s", q.part(), quoted(q.question()), got));
        }
        continue;
      }
      answerable++;
      int rank = 0;
      for (int i = 0; i < got.size() && rank == 0; i++) {
        if (q.expected().contains(got.get(i))) {
          rank = i + 1;
        }
      }
      if (rank == 1) {
        hit1++;
      }
      if (rank >= 1 && rank <= 3) {
        hit3++;
      }
      reciprocal += rank == 0 ? 0 : 1.0 / rank;
      if (rank != 1) {
        misses.add(
            String.format(
                "[%s] %s -> expected %s, got %s",
                q.part(),
                quoted(q.question()),
                q.expected(),
                got.isEmpty() ? "a refusal (" + Wording.ENGLISH.refusal(answer) + ")" : got));
      }
    }
    return new Scores(
        part,
        answerable,
        share(hit1, answerable),
        share(hit3, answerable),
        share(reciprocal, answerable),
        offTopic,
        share(refused, offTopic),
        errors,
        misses);
  }

  private static double share(double n, int of) {
    return of == 0 ? 1.0 : n / of;
  }

  private static String quoted(String s) {
    return "\"" + s + "\"";
  }
}
