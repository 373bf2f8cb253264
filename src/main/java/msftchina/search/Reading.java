package msftchina.search;

import java.util.List;
import java.util.Map;

/**
 * A question as read: the terms to search for, how much of it the report's words cover, and what it
 * asks for; or the refusal its reading alone already decides.
 *
 * @param question the question as asked
 * @param terms the report's terms to search for, each with its weight in the query
 * @param unknown the question's words that the report never uses, as written
 * @param coverage the share of the question's weight that the report's words carry
 * @param asked what the question asks for beyond its words
 * @param refusal why the report can't answer, when the reading alone decides it; else null
 * @param gist whether the question asks for the gist of the report itself ({@link Gist})
 */
record Reading(
    String question,
    Map<String, Float> terms,
    List<String> unknown,
    double coverage,
    Asked asked,
    Refusal refusal,
    boolean gist) {

  /** Creates a reading of a question about something in the report. */
  Reading(
      String question,
      Map<String, Float> terms,
      List<String> unknown,
      double coverage,
      Asked asked,
      Refusal refusal) {
    this(question, terms, unknown, coverage, asked, refusal, false);
  }

  /** Returns the reading of {@code question}, which asks for the report's gist. */
  static Reading ofGist(String question) {
    return new Reading(question, Map.of(), List.of(), 1, null, null, true);
  }

  /** Returns a reading that already refuses {@code question}. */
  static Reading refused(String question, Refusal.Reason reason, List<String> missing) {
    return new Reading(question, Map.of(), List.of(), 0, null, new Refusal(reason, missing));
  }
}
