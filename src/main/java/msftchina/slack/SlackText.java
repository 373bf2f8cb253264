package msftchina.slack;

import java.util.regex.Pattern;

/** Text to and from Slack: escaping what users typed, and finding the question in a mention. */
public final class SlackText {

  private static final Pattern ANY_USER_MENTION = Pattern.compile("<@[UW][A-Z0-9]+(?:\\|[^>]*)?>");

  private SlackText() {}

  /**
   * Returns {@code text} with {@code &}, {@code <} and {@code >} escaped, so that echoing it can't
   * ping anyone ({@code <!channel>}, {@code <@U…>}) or make a link.
   */
  public static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /**
   * Returns what a user typed from the text Slack sends, which has {@code &}, {@code <} and {@code
   * >} escaped: decoded once, so that escaping it again shows it as typed.
   */
  public static String unescape(String text) {
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }

  /** Returns the question of a mention: its text without the mentions of {@code botUserId}. */
  public static String withoutMention(String text, String botUserId) {
    if (text == null) {
      return "";
    }
    Pattern bot =
        botUserId == null
            ? ANY_USER_MENTION
            : Pattern.compile("<@" + Pattern.quote(botUserId) + "(?:\\|[^>]*)?>");
    return bot.matcher(text).replaceAll(" ").strip();
  }

  /** Returns {@code text} cut to at most {@code max} characters, with an ellipsis when cut. */
  public static String truncate(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int cut = max - 1;
    if (Character.isHighSurrogate(text.charAt(cut - 1))) {
      cut--;
    }
    return text.substring(0, cut) + "\u2026";
  }

  /**
   * Returns an id for a log line: at most 80 of its letters, digits and {@code :._-}, so that what
   * a payload carries can't forge or break a line.
   */
  static String loggable(String id) {
    if (id == null) {
      return "nobody";
    }
    String kept = id.replaceAll("[^A-Za-z0-9:._-]", "?");
    return kept.length() > 80 ? kept.substring(0, 80) + "\u2026" : kept;
  }
}
