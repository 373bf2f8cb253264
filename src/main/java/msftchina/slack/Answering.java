package msftchina.slack;

import msftchina.search.KnowledgeBase;
import msftchina.search.Lookup;

/**
 * What every surface answers from: the knowledge base, the lookup over its statements, and the
 * replies in the asker's language.
 */
final class Answering {

  private final KnowledgeBase kb;
  private final Lookup lookup;
  private final Replies english;
  private final Replies chinese;

  Answering(KnowledgeBase kb, String command, ButtonSeal seal) {
    this.kb = kb;
    this.lookup = new Lookup(kb.indexes());
    this.english = new Replies(kb.examples(), command, Labels.ENGLISH, seal);
    this.chinese = new Replies(kb.examples(), command, Labels.CHINESE, seal);
  }

  KnowledgeBase kb() {
    return kb;
  }

  Lookup lookup() {
    return lookup;
  }

  /** Returns the replies in the language {@code text} is written in. */
  Replies repliesFor(String text) {
    return Labels.forText(text).equals(Labels.CHINESE) ? chinese : english;
  }
}
