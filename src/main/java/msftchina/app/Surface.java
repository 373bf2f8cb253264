package msftchina.app;

import java.util.Locale;

/** Where in Slack a question was asked. */
public enum Surface {
  /** The {@code /msftchina} slash command. */
  SLASH,
  /** A mention of the bot in a channel. */
  MENTION,
  /** A direct message to the bot. */
  DM,
  /** A mention or direct message in a thread, read with the thread's earlier question. */
  FOLLOW_UP,
  /** The "Find in report" message shortcut. */
  SHORTCUT,
  /** A lookup, {@code /msftchina find …}. */
  FIND,
  /** An example question's button in the Home tab. */
  HOME;

  /** Returns the name stored and shown: {@code slash}, {@code mention}, … */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Returns the surface named {@code label}, or null. */
  public static Surface of(String label) {
    for (Surface s : values()) {
      if (s.label().equals(label)) {
        return s;
      }
    }
    return null;
  }
}
