package msftchina.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import msftchina.app.Answered;
import msftchina.app.Scope;
import msftchina.app.Wording;
import msftchina.search.Answer;
import msftchina.search.ReportInfo;

/**
 * The bot's messages about the library's reports, in the asker's language: the list of reports
 * ({@code /msftchina reports}), the reply to an {@code in:NAME} no report has, the note on an
 * answer saying which report was searched, and the replies about a channel's report.
 */
final class ReportReplies {

  /** The most characters of one section's text (Slack allows 3,000). */
  static final int SECTION_CHARS = 2900;

  /** The most sections of report lines in one message (Slack allows 50 blocks). */
  static final int MAX_SECTIONS = 40;

  private ReportReplies() {}

  /** Returns the list of {@code reports}: title, id, date, statements and version, one a line. */
  static Replies.Message list(Wording words, List<ReportInfo> reports, String command) {
    String head = words.say("reports", reports.size(), command);
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText(head))));
    StringBuilder lines = new StringBuilder();
    int shown = 0;
    for (ReportInfo r : reports) {
      String line =
          words.say(
              "reportLine",
              SlackText.escape(r.title()),
              SlackText.escape(r.id()),
              SlackText.escape(r.date()),
              r.statements(),
              r.version());
      if (lines.length() + line.length() + 1 > SECTION_CHARS) {
        if (blocks.size() > MAX_SECTIONS) {
          break;
        }
        String text = lines.toString();
        blocks.add(section(s -> s.text(markdownText(text))));
        lines.setLength(0);
      }
      lines.append(lines.length() == 0 ? "" : "\n").append(line);
      shown++;
    }
    String last = lines.toString();
    if (!last.isEmpty()) {
      blocks.add(section(s -> s.text(markdownText(last))));
    }
    if (shown < reports.size()) {
      String more = words.say("reportsMore", reports.size() - shown);
      blocks.add(context(c -> c.elements(List.of(markdownText(more)))));
    }
    return new Replies.Message(blocks, head);
  }

  /** Returns the reply to {@code in:NAME} when no report is called {@code name}: the report ids. */
  static Replies.Message unknown(Wording words, String name, List<ReportInfo> reports) {
    String ids = reports.stream().map(r -> "`" + r.id() + "`").collect(Collectors.joining(", "));
    return text(
        SlackText.truncate(
            words.say(
                "unknownReport",
                SlackText.escape(SlackText.truncate(name, 80)),
                SlackText.escape(ids)),
            SECTION_CHARS));
  }

  /**
   * Returns {@code message}, the answer to a question of {@code scope}, with a note under the
   * question saying which report was searched; unchanged when every report was.
   */
  static Replies.Message noted(Replies.Message message, Wording words, Scope scope, Answer answer) {
    ReportInfo report = scope.report();
    if (report == null) {
      return message;
    }
    String title = "_" + SlackText.escape(report.title()) + "_";
    String id = SlackText.escape(report.id());
    String note =
        !scope.fallBack()
            ? words.say("scopedTo", title, id)
            : scope.fellBack(answer)
                ? words.say("channelFallBack", title)
                : words.say("channelReport", title, id);
    List<LayoutBlock> blocks = new ArrayList<>(message.blocks());
    blocks.add(Math.min(1, blocks.size()), context(c -> c.elements(List.of(markdownText(note)))));
    return new Replies.Message(blocks, message.text());
  }

  /**
   * Returns the reply to {@code answered}: its answer with a note of the report searched, or, when
   * it named no known report, the report ids of {@code reports}.
   */
  static Replies.Message answer(
      Replies replies, Answered answered, List<ReportInfo> reports, boolean shareable) {
    Scope scope = answered.scope();
    if (scope.unknown() != null) {
      return unknown(replies.labels(), scope.unknown(), reports);
    }
    return noted(
        replies.answer(answered.answer(), shareable, null),
        replies.labels(),
        scope,
        answered.answer());
  }

  /** Returns a message of one section of {@code text} (already escaped). */
  static Replies.Message text(String text) {
    return new Replies.Message(List.of(section(s -> s.text(markdownText(text)))), text);
  }
}
