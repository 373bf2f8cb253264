package msftchina.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;
import msftchina.app.Wording;

/** The note on an answer to a follow-up, saying how the bot read it with the thread. */
final class FollowUpNote {

  private FollowUpNote() {}

  /** Returns {@code message} with a note, under the question, that it was read as {@code read}. */
  static Replies.Message with(Replies.Message message, Wording labels, String read) {
    String note =
        labels.say(
            "readAs",
            "_" + SlackText.escape(SlackText.truncate(read.strip(), Replies.MAX_ECHO)) + "_");
    List<LayoutBlock> blocks = new ArrayList<>(message.blocks());
    blocks.add(Math.min(1, blocks.size()), context(c -> c.elements(List.of(markdownText(note)))));
    return new Replies.Message(blocks, message.text());
  }
}
