package msftchina.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One click on an answer's 👍 or 👎: who, on which statement given to which question.
 *
 * @param at when, in epoch milliseconds
 * @param user the user id of who clicked
 * @param statement the id of the statement the answer led with
 * @param question the question it answered
 * @param up true for 👍, false for 👎
 */
public record Vote(long at, String user, String statement, String question, boolean up) {

  /** The longest button value Slack takes. */
  static final int MAX_VALUE = 2000;

  /**
   * Returns the value a feedback button carries: the vote, the statement and the question, which is
   * cut to fit Slack's 2000 characters.
   */
  public static String buttonValue(boolean up, String statement, String question) {
    return buttonValue(up, statement, question, MAX_VALUE);
  }

  /**
   * Returns the value a feedback button carries, as {@link #buttonValue(boolean, String, String)},
   * in at most {@code max} characters.
   */
  public static String buttonValue(boolean up, String statement, String question, int max) {
    String head = (up ? "+" : "-") + "\n" + statement + "\n";
    String q = question.strip();
    int room = max - head.length();
    if (q.length() <= room) {
      return head + q;
    }
    int cut = Math.max(0, room);
    if (cut > 0 && Character.isHighSurrogate(q.charAt(cut - 1))) {
      cut--; // never half a character: Slack would send it back changed, and the seal not open
    }
    return head + q.substring(0, cut);
  }

  /** Returns the vote a button's {@code value} stands for, or null when it isn't one of ours. */
  public static Vote fromButton(String value, String user, long at) {
    if (value == null || user == null || value.length() < 4) {
      return null;
    }
    char sign = value.charAt(0);
    int second = value.indexOf('\n', 2);
    if ((sign != '+' && sign != '-') || value.charAt(1) != '\n' || second < 3) {
      return null;
    }
    return new Vote(at, user, value.substring(2, second), value.substring(second + 1), sign == '+');
  }

  /** Returns a short key of the question, the same for the same words. */
  String questionKey() {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(question.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
