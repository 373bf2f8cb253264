package msftchina.app;

import java.util.Optional;

/**
 * The record of what people ask: every question with what it was answered, and every vote.
 * Implementations never block the caller: a slow or failing log drops records, counted.
 */
public interface QuestionLog {

  /** Records a question and what it was answered. */
  void asked(QuestionAsked asked);

  /** Records a 👍 or 👎; the same user's later click on the same answer replaces it. */
  void voted(Vote vote);

  /**
   * Returns the last 30 days' first gaps and answers voted down when {@code userId} is one of the
   * report's maintainers, for the Home tab; empty for anyone else or when the log can't be read.
   * May take a fraction of a second: call it from a worker, never on a request's time.
   */
  Optional<Gaps> adminView(String userId);
}
