package msftchina.search;

import java.util.List;

/**
 * Whether the report answers a question, and with which statements.
 *
 * @param answering the candidates that have everything the question asks for, best first
 * @param others the other candidates, best first: they share words with the question only; with a
 *     refusal, the closest statements to show as such
 * @param refusal why the report can't answer, or null when it can
 */
record Decision(List<Candidate> answering, List<Candidate> others, Refusal refusal) {

  Decision {
    answering = List.copyOf(answering);
    others = List.copyOf(others);
  }

  /** Returns a decision that the report can't answer, for {@code refusal}. */
  static Decision refused(Refusal refusal) {
    return new Decision(List.of(), List.of(), refusal);
  }
}
