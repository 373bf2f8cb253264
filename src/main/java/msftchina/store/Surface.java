package msftchina.store;

import java.util.Locale;

/** Where in Slack a question was asked. */
public enum Surface {
  /** The {@code /msftchina} slash command. */
  SLASH,
  /** A mention of the bot in a channel. */
  MENTION,
  /** A direct message to the bot. */
  DM,
  /** The "Find in report" message shortcut. */
  SHORTCUT,
  /** A lookup, {@code /msftchina find …}. */
  FIND;

  /** Returns the name stored and shown: {@code slash}, {@code mention}, … */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Returns the surface named {@code label}, or null. */
  static Surface of(String label) {
    for (Surface s : values()) {
      if (s.label().equals(label)) {
        return s;
      }
    }
    return null;
  }
}
