package msftchina.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;
import msftchina.app.Wording;
import msftchina.facts.Fact;
import msftchina.search.Lookup;

/**
 * The reply to {@code /msftchina find WORDS} in Block Kit: every statement matching, in report
 * order, each with its citations, as many as a message holds.
 */
public final class LookupReplies {

  /** The most statements one reply lists (two blocks each, within Slack's 50 a message). */
  static final int MAX_LISTED = 20;

  private LookupReplies() {}

  /** Returns the statements {@code found} lists, with the words of {@code labels}. */
  public static Replies.Message of(Lookup.Found found, Wording labels) {
    String words = "`" + SlackText.escape(SlackText.truncate(found.words().strip(), 200)) + "`";
    List<LayoutBlock> blocks = new ArrayList<>();
    if (found.statements().isEmpty()) {
      String none = labels.say("foundNone", words);
      blocks.add(section(s -> s.text(markdownText(none))));
      return new Replies.Message(blocks, none);
    }
    String head = labels.say("found", found.statements().size(), words);
    blocks.add(section(s -> s.text(markdownText(head))));
    if (!labels.say("englishNote").isEmpty()) {
      blocks.add(context(c -> c.elements(List.of(markdownText(labels.say("englishNote"))))));
    }
    String report = null;
    for (Fact fact :
        found.statements().subList(0, Math.min(MAX_LISTED, found.statements().size()))) {
      String line =
          SlackText.truncate(SlackText.escape(fact.text()), 2900) + "  " + fact.citationLabel();
      blocks.add(section(s -> s.text(markdownText(line))));
      if (!fact.report().equals(report)) {
        report = fact.report();
        String name = "_" + SlackText.escape(report) + "_";
        blocks.add(context(c -> c.elements(List.of(markdownText(name)))));
      }
    }
    if (found.statements().size() > MAX_LISTED) {
      String more = labels.say("more", found.statements().size() - MAX_LISTED);
      blocks.add(context(c -> c.elements(List.of(markdownText(more)))));
    }
    return new Replies.Message(blocks, head);
  }
}
