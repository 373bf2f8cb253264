package msftchina.slack;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The votes counted in the last hour, one per user per answer: a click replayed is counted (and
 * thanked) once, and a click on the other button changes the vote. A vote is remembered as a hash
 * of who voted, on which answer and which way, so it is small whatever the question's length.
 *
 * <p>NOTE: safe for concurrent use.
 */
final class CountedVotes {

  private final SeenEvents counted;

  /** Remembers the votes of the last hour, within {@code memory}'s bound for seen events. */
  CountedVotes(SlackMemory memory) {
    this.counted = SeenEvents.forAnHour(memory.seenEventsBytes());
  }

  /**
   * Returns whether {@code user}'s vote {@code up} on the answer of the button value {@code value}
   * is new, forgetting then the vote the other way; false for the same vote again.
   */
  boolean firstTime(String user, String value, boolean up) {
    if (!counted.firstTime(key(user, value, up))) {
      return false;
    }
    counted.forget(key(user, value, !up));
    return true;
  }

  private static String key(String user, String value, boolean up) {
    String answer = value.substring(1); // the statement and the question, without the vote
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest((user + "\n" + (up ? "+" : "-") + answer).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
