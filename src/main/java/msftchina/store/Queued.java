package msftchina.store;

import msftchina.app.QuestionAsked;
import msftchina.app.Vote;

/**
 * What waits in the {@link RecordQueue} to be written: a question or a vote, exactly one of them.
 * It is handed to a {@link Writer}'s method for its kind: rows ({@link RecordRows}) or counts
 * ({@link DailyCounts}).
 *
 * @param asked the question and what it was answered, or null for a vote
 * @param vote the 👍 or 👎, or null for a question
 */
record Queued(QuestionAsked asked, Vote vote) {

  Queued {
    if ((asked == null) == (vote == null)) {
      throw new IllegalArgumentException("a question or a vote, exactly one of them");
    }
  }

  /** Returns a question waiting to be written. */
  static Queued of(QuestionAsked asked) {
    return new Queued(asked, null);
  }

  /** Returns a vote waiting to be written. */
  static Queued of(Vote vote) {
    return new Queued(null, vote);
  }

  /** Returns the question it holds, or null: what its size in the queue depends on. */
  String question() {
    return asked != null ? asked.question() : vote.question();
  }

  /** Hands it to {@code writer}'s method for its kind. */
  <X extends Exception> void writeTo(Writer<X> writer) throws X {
    if (asked != null) {
      writer.asked(asked);
    } else {
      writer.voted(vote);
    }
  }

  /**
   * What the recorder writes records into, one method for each kind.
   *
   * @param <X> what writing may throw
   */
  interface Writer<X extends Exception> {

    /** Writes a question and what it was answered. */
    void asked(QuestionAsked asked) throws X;

    /** Writes a 👍 or 👎. */
    void voted(Vote vote) throws X;
  }
}
