package msftchina.search;

import java.util.List;

/** The plain sentence that tells a user the report has no answer, naming what it lacks. */
public final class Refusal {

  private Refusal() {}

  /** Returns why {@code answer} has no facts, in one sentence. */
  public static String sentence(Answer answer) {
    if (answer.strength() == Answer.Strength.NOTHING_ASKED) {
      return "There is nothing in that to search the report for: ask a question in words.";
    }
    List<String> missing = answer.missing();
    if (missing.isEmpty()) {
      return "The report doesn't say anything about that.";
    }
    List<String> named = missing.size() > 4 ? missing.subList(0, 4) : missing;
    String list =
        named.size() == 1
            ? named.get(0)
            : String.join(", ", named.subList(0, named.size() - 1))
                + " or "
                + named.get(named.size() - 1);
    return "The report doesn't say anything about " + list + ".";
  }
}
