package msftchina.app;

import java.util.List;
import msftchina.search.Answer;
import msftchina.search.Match;

/**
 * What a question was answered, as the question log keeps it: no statement text, only ids.
 *
 * @param answered whether statements answered it
 * @param strength how well: {@code STRONG}, {@code PARTIAL}, {@code NONE}, or {@code UNKNOWN} for a
 *     lookup recorded without an answer
 * @param statements the statements given (or, refused, the closest shown), best first
 * @param reason why it was refused ({@code NAME_NOT_IN_REPORT}, …), or null when answered
 * @param missing what the report lacks, as the refusal names it (empty when answered)
 */
public record Outcome(
    boolean answered,
    String strength,
    List<Given> statements,
    String reason,
    List<String> missing) {

  /** The outcome of a lookup, recorded without an answer. */
  public static final Outcome UNKNOWN = new Outcome(false, "UNKNOWN", List.of(), null, List.of());

  /**
   * One statement given.
   *
   * @param id the statement's id
   * @param score its score
   */
  public record Given(String id, float score) {}

  /** Returns the outcome of {@code answer}. */
  public static Outcome of(Answer answer) {
    List<Given> given =
        answer.matches().stream().map((Match m) -> new Given(m.fact().id(), m.score())).toList();
    return new Outcome(
        answer.answered(),
        answer.strength().name(),
        given,
        answer.refusal() == null ? null : answer.refusal().reason().name(),
        answer.refusal() == null ? List.of() : List.copyOf(answer.refusal().missing()));
  }
}
