package msftchina.slack;

import msftchina.app.Vote;

/**
 * The value a 👍 / 👎 button carries: the vote, the statement the answer led with and the question,
 * one per line, cut to fit Slack's 2000 characters (sealed by {@link ButtonSeal} before sending).
 */
final class VoteButton {

  /** The longest button value Slack takes. */
  static final int MAX_VALUE = 2000;

  private VoteButton() {}

  /** Returns the value of a button voting {@code up} or down, in at most {@code max} characters. */
  static String value(boolean up, String statement, String question, int max) {
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
  static Vote vote(String value, String user, long at) {
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
}
