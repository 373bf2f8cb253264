package msftchina.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.view.View;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import msftchina.app.Gaps;
import msftchina.app.Wording;
import msftchina.facts.Fact;
import msftchina.search.Answer;

/**
 * The Home tab's view: the report's title, what it covers (one line a paragraph), how to ask, the
 * example questions as buttons, the answer to the one clicked, and for the report's maintainers the
 * last 30 days' gaps and votes.
 */
final class HomeView {

  /** The longest line shown for a paragraph, in characters. */
  static final int MAX_LINE = 160;

  /** The most example buttons shown (Slack allows 25 elements in an actions block). */
  static final int MAX_EXAMPLES = 5;

  private final BotParts parts;
  private final String command;
  private final List<String> covers;

  /**
   * How many statements, from the first report on, are read for "What it covers": more than fit.
   */
  private static final int COVERS_READ = 500;

  HomeView(BotParts parts, String command) {
    this.parts = parts;
    this.command = command;
    this.covers = paragraphLines(parts.service().lookup().first(COVERS_READ));
  }

  /**
   * Returns the Home tab, with {@code answer} to {@code question} under the examples when given,
   * and for the report's maintainers ({@code MSFTCHINA_ADMINS}) the last 30 days' gaps and votes.
   */
  View view(String question, Answer answer, Optional<Gaps> maintainers) {
    List<LayoutBlock> blocks = new ArrayList<>();
    for (String title : parts.service().kb().reports()) {
      blocks.add(header(h -> h.text(plainText(SlackText.truncate(title, 150)))));
    }
    blocks.add(
        section(s -> s.text(markdownText("*What it covers*\n" + String.join("\n", covers)))));
    blocks.add(
        section(
            s ->
                s.text(
                    markdownText(
                        "*How to ask*\n"
                            + "\u2022 `"
                            + command
                            + " your question` in any channel: a private answer you can share\n"
                            + "\u2022 mention @msftchina in a channel, or ask in a thread where it"
                            + " answered\n"
                            + "\u2022 a direct message to msftchina\n"
                            + "\u2022 *Find in report* in any message's \u22ee menu\n"
                            + "\u2022 `"
                            + command
                            + " find WORDS` lists every statement with those words"
                            + " (\"a phrase\", -not, prefix*, a | b)"))));
    List<String> examples = parts.service().kb().examples();
    if (!examples.isEmpty()) {
      blocks.add(section(s -> s.text(markdownText("*Try a question*"))));
      List<BlockElement> buttons = new ArrayList<>();
      for (int i = 0; i < Math.min(MAX_EXAMPLES, examples.size()); i++) {
        String example = examples.get(i);
        String id = "home_example_" + i;
        buttons.add(
            button(
                b ->
                    b.actionId(id)
                        .text(plainText(SlackText.truncate(example, 75)))
                        .value(SlackText.truncate(example, Replies.MAX_BUTTON_VALUE))));
      }
      blocks.add(actions(a -> a.elements(buttons)));
    }
    if (question != null) {
      blocks.add(divider());
      blocks.addAll(parts.replies().forText(question).answer(answer, false, null).blocks());
      blocks.add(
          context(
              c ->
                  c.elements(
                      List.of(
                          markdownText(
                              "Ask in a channel with `" + command + "` to share an answer.")))));
    }
    maintainers.ifPresent(gaps -> blocks.addAll(maintainersView(gaps)));
    return View.builder().type("home").blocks(blocks).build();
  }

  /** The most refusals and voted-down answers the maintainers' part of the Home tab lists. */
  static final int MAX_GAPS = 8;

  /** Returns what the report's maintainers see: the last 30 days' gaps and answers voted down. */
  static List<LayoutBlock> maintainersView(Gaps gaps) {
    String first =
        list(
            "*For the report's maintainers: the last 30 days*\n*Asked, and not in the report*",
            "nothing yet",
            gaps.refused(),
            gaps.refusedRows(),
            r ->
                SlackText.escape(SlackText.truncate(r.question(), 150))
                    + " ("
                    + r.asked()
                    + "\u00d7: "
                    + SlackText.escape(Wording.ENGLISH.reason(r.reason(), r.missing()))
                    + (r.version().isEmpty() ? "" : "; " + SlackText.escape(r.version()))
                    + ")");
    String second =
        list(
            "*Answers voted down*",
            "none yet",
            gaps.votedDown(),
            gaps.votedDownRows(),
            v ->
                SlackText.escape(SlackText.truncate(v.question(), 150))
                    + " \u2192 "
                    + SlackText.escape(SlackText.truncate(v.statement(), 80))
                    + " (\uD83D\uDC4E "
                    + v.down()
                    + ", \uD83D\uDC4D "
                    + v.up()
                    + ")");
    return List.of(
        divider(),
        section(s -> s.text(markdownText(first))),
        section(s -> s.text(markdownText(second))));
  }

  /**
   * Returns {@code title} over a bullet list of the first {@link #MAX_GAPS} of {@code items} (of
   * {@code rows} in all) worded by {@code line}, or {@code none} when there are none; cut to fit a
   * section.
   */
  private static <T> String list(
      String title, String none, List<T> items, long rows, Function<T, String> line) {
    StringBuilder list = new StringBuilder(title);
    if (items.isEmpty()) {
      list.append('\n').append(none);
    }
    items.stream().limit(MAX_GAPS).forEach(i -> list.append("\n\u2022 ").append(line.apply(i)));
    more(list, rows - Math.min(MAX_GAPS, items.size()));
    return SlackText.truncate(list.toString(), 2900);
  }

  private static void more(StringBuilder list, long more) {
    if (more > 0) {
      list.append("\n_and ").append(more).append(" more: `msftchina gaps` lists them_");
    }
  }

  /** Returns one line a paragraph: its number and its first sentence, cut short. */
  static List<String> paragraphLines(List<Fact> statements) {
    Map<String, Fact> firsts = new LinkedHashMap<>();
    for (Fact fact : statements) {
      firsts.putIfAbsent(fact.report() + "\u0000" + fact.paragraph(), fact);
    }
    List<String> lines =
        firsts.values().stream()
            .map(
                f ->
                    "\u00b6"
                        + f.paragraph()
                        + "  "
                        + SlackText.escape(SlackText.truncate(f.text(), MAX_LINE)))
            .collect(Collectors.toList());
    // One section holds 3000 characters: keep the lines that fit.
    List<String> fitting = new ArrayList<>();
    int length = 20;
    for (String line : lines) {
      length += line.length() + 1;
      if (length > 2900) {
        break;
      }
      fitting.add(line);
    }
    return fitting;
  }
}
