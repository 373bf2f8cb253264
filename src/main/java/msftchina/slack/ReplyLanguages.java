package msftchina.slack;

import msftchina.app.Wording;

/** The bot's Block Kit replies in each language it words them in: English and Chinese. */
final class ReplyLanguages {

  private final Replies english;
  private final Replies chinese;

  ReplyLanguages(java.util.List<String> examples, String command, ButtonSeal seal) {
    this.english = new Replies(examples, command, Wording.ENGLISH, seal);
    this.chinese = new Replies(examples, command, Wording.CHINESE, seal);
  }

  /** Returns the replies in the language {@code text} is written in. */
  Replies forText(String text) {
    return Wording.forText(text) == Wording.CHINESE ? chinese : english;
  }

  /** Returns the replies in English. */
  Replies english() {
    return english;
  }
}
