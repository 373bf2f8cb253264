package msftchina.store;

import msftchina.app.QuestionAsked;
import msftchina.app.Vote;

/**
 * What waits in the {@link RecordQueue} to be written: a question or a vote. Each is handed to a
 * {@link Writer}'s method for its kind: rows ({@link RecordRows}) or counts ({@link DailyCounts}).
 */
sealed interface Queued permits Queued.OfQuestion, Queued.OfVote {

  /** Returns the question it holds, or null: what its size in the queue depends on. */
  String question();

  /** Hands it to {@code writer}'s method for its kind. */
  <X extends Exception> void writeTo(Writer<X> writer) throws X;

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

  /** A question waiting to be written. */
  record OfQuestion(QuestionAsked asked) implements Queued {

    @Override
    public String question() {
      return asked.question();
    }

    @Override
    public <X extends Exception> void writeTo(Writer<X> writer) throws X {
      writer.asked(asked);
    }
  }

  /** A vote waiting to be written. */
  record OfVote(Vote vote) implements Queued {

    @Override
    public String question() {
      return vote.question();
    }

    @Override
    public <X extends Exception> void writeTo(Writer<X> writer) throws X {
      writer.voted(vote);
    }
  }
}
