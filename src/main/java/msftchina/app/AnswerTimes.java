package msftchina.app;

import java.time.Duration;
import msftchina.search.Answer;

/** Where the service counts what it answered and how long it took (the bot's metrics). */
public interface AnswerTimes {

  /** Counts a question asked on {@code surface}, its {@code answer}, and how long it took. */
  void asked(Surface surface, Answer answer, Duration took);

  /** Counts a lookup, whether it {@code found} statements, and how long it took. */
  void lookedUp(boolean found, Duration took);
}
