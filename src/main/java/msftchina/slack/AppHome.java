package msftchina.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.Context;
import com.slack.api.methods.response.views.ViewsPublishResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.view.View;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import msftchina.facts.Fact;
import msftchina.metrics.Metrics;
import msftchina.search.Answer;
import msftchina.store.Gaps;
import msftchina.store.Store;

/**
 * The Home tab: the report's title, what it covers (one line a paragraph), how to ask, and the
 * example questions as buttons that answer right there, in the tab.
 */
final class AppHome {

  /** The action ids of the example buttons: {@code home_example_0}, {@code home_example_1}, … */
  static final Pattern EXAMPLE_ACTION = Pattern.compile("home_example_\\d+");

  /** The longest line shown for a paragraph, in characters. */
  static final int MAX_LINE = 160;

  /** The most example buttons shown (Slack allows 25 elements in an actions block). */
  static final int MAX_EXAMPLES = 5;

  private final Answering answering;
  private final String command;
  private final List<String> covers;
  private final SeenEvents seen =
      new SeenEvents(Duration.ofHours(1), SeenEvents.MAX_BYTES, Clock.systemUTC());

  private AppHome(Answering answering, String command) {
    this.answering = answering;
    this.command = command;
    this.covers = paragraphLines(answering.lookup().all());
  }

  // Events API app_home_opened: https://api.slack.com/events/app_home_opened
  // Block actions in a view: https://api.slack.com/reference/interaction-payloads/block-actions
  // Both acknowledged at once; the view is made (the admins' part read from the store) and
  // published by an outbox worker, never on the request's time.
  static void register(
      App app, Answering answering, Outbox outbox, String command, Store store, Metrics metrics) {
    AppHome home = new AppHome(answering, command);
    app.event(
        AppHomeOpenedEvent.class,
        (payload, ctx) -> {
          AppHomeOpenedEvent event = payload.getEvent();
          if (!"messages".equals(event.getTab()) && home.seen.firstTime(payload.getEventId())) {
            String user = event.getUser();
            publish(
                ctx, outbox, user, () -> home.view(null, store.adminView(user)), "app_home_opened");
          }
          return ctx.ack();
        });
    app.blockAction(
        EXAMPLE_ACTION,
        (req, ctx) -> {
          if (req.getPayload().getActions() == null
              || req.getPayload().getActions().isEmpty()
              || req.getPayload().getUser() == null) {
            return ctx.ack();
          }
          String value = req.getPayload().getActions().get(0).getValue();
          String question = value == null ? "" : value;
          String user = req.getPayload().getUser().getId();
          long started = System.nanoTime();
          Answer answer = answering.kb().ask(question);
          metrics.asked(
              Metrics.Surface.HOME, answer, Duration.ofNanos(System.nanoTime() - started));
          publish(
              ctx,
              outbox,
              user,
              () -> home.view(question, answer, store.adminView(user)),
              "home example");
          return ctx.ack();
        });
  }

  /**
   * Returns the Home tab, with the answer to {@code question} under the examples when given, and
   * for the report's maintainers ({@code MSFTCHINA_ADMINS}) the last 30 days' gaps and votes.
   */
  View view(String question, Optional<Gaps> maintainers) {
    return view(question, question == null ? null : answering.kb().ask(question), maintainers);
  }

  /**
   * Returns the Home tab as {@link #view(String, Optional)} does, with the answer already found.
   */
  View view(String question, Answer answer, Optional<Gaps> maintainers) {
    List<LayoutBlock> blocks = new ArrayList<>();
    for (String title : answering.kb().reports()) {
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
    List<String> examples = answering.kb().examples();
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
      blocks.addAll(answering.repliesFor(question).answer(answer, false, null).blocks());
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
  static final int MAX_GAPS = Store.ADMIN_GAPS;

  /** Returns what the report's maintainers see: the last 30 days' gaps and answers voted down. */
  static List<LayoutBlock> maintainersView(Gaps gaps) {
    StringBuilder refused = new StringBuilder("*For the report's maintainers: the last 30 days*\n");
    refused.append("*Asked, and not in the report*");
    if (gaps.refused().isEmpty()) {
      refused.append("\nnothing yet");
    }
    gaps.refused().stream()
        .limit(MAX_GAPS)
        .forEach(
            r ->
                refused
                    .append("\n\u2022 ")
                    .append(SlackText.escape(SlackText.truncate(r.question(), 150)))
                    .append(" (")
                    .append(r.asked())
                    .append("\u00d7: ")
                    .append(SlackText.escape(r.reason()))
                    .append(')'));
    more(refused, gaps.refusedRows() - Math.min(MAX_GAPS, gaps.refused().size()));
    StringBuilder down = new StringBuilder("*Answers voted down*");
    if (gaps.votedDown().isEmpty()) {
      down.append("\nnone yet");
    }
    gaps.votedDown().stream()
        .limit(MAX_GAPS)
        .forEach(
            v ->
                down.append("\n\u2022 ")
                    .append(SlackText.escape(SlackText.truncate(v.question(), 150)))
                    .append(" \u2192 ")
                    .append(SlackText.escape(SlackText.truncate(v.statement(), 80)))
                    .append(" (\uD83D\uDC4E ")
                    .append(v.down())
                    .append(", \uD83D\uDC4D ")
                    .append(v.up())
                    .append(')'));
    more(down, gaps.votedDownRows() - Math.min(MAX_GAPS, gaps.votedDown().size()));
    String first = SlackText.truncate(refused.toString(), 2900);
    String second = SlackText.truncate(down.toString(), 2900);
    return List.of(
        divider(),
        section(s -> s.text(markdownText(first))),
        section(s -> s.text(markdownText(second))));
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

  private static void publish(
      Context ctx, Outbox outbox, String user, Supplier<View> view, String what) {
    if (user == null) {
      return;
    }
    outbox.send(
        "home " + user,
        "views.publish",
        what + ": views.publish for " + user,
        () -> {
          View made = view.get();
          ViewsPublishResponse r = ctx.client().viewsPublish(p -> p.userId(user).view(made));
          if (r.isOk()) {
            return Delivery.Outcome.ok();
          }
          return "ratelimited".equals(r.getError())
              ? Delivery.Outcome.retryAfter(Delivery.BACKOFF, r.getError())
              : Delivery.Outcome.refused(r.getError());
        },
        null);
  }
}
