package msftchina.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.contextActions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.feedbackButtons;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.FeedbackButtonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import msftchina.app.Wording;
import msftchina.search.Answer;
import msftchina.search.Match;

/**
 * The bot's messages in Block Kit, with their plain-text fallbacks: answers, refusals and usage.
 * Everything the user typed is escaped before it is shown.
 */
public final class Replies {

  /** The action id of the "Share in channel" button. */
  public static final String SHARE_ACTION = "share_answer";

  /** The action id of the 👍 / 👎 feedback buttons on every answer. */
  public static final String FEEDBACK_ACTION = "answer_feedback";

  /** The longest question echoed back, in characters. */
  static final int MAX_ECHO = 500;

  /** The longest question a share button carries (Slack allows 2000 characters). */
  static final int MAX_BUTTON_VALUE = 2000;

  private final List<String> examples;
  private final String command;
  private final Wording labels;
  private final ButtonSeal seal;

  /**
   * Creates replies that suggest {@code examples}, name the slash {@code command}, put the words of
   * {@code labels} around the report's statements, and seal their buttons' values with {@code
   * seal}.
   */
  public Replies(List<String> examples, String command, Wording labels, ButtonSeal seal) {
    this.examples = List.copyOf(examples);
    this.command = command;
    this.labels = labels;
    this.seal = seal;
  }

  /** Returns the words these replies put around the report's statements. */
  public Wording labels() {
    return labels;
  }

  /** A message: Block Kit blocks and the top-level text that notifications show. */
  public record Message(List<LayoutBlock> blocks, String text) {}

  /**
   * Returns the answer message: the question echoed, up to three statements with citations and
   * report, or a refusal with example questions; with a share button when {@code shareable}.
   */
  public Message answer(Answer answer, boolean shareable, String sharedBy) {
    List<LayoutBlock> blocks = new ArrayList<>();
    String question = SlackText.escape(SlackText.truncate(answer.question().strip(), MAX_ECHO));
    blocks.add(section(s -> s.text(markdownText("*" + labels.say("question") + "* " + question))));
    if (!answer.answered()) {
      String refusal = SlackText.escape(labels.refusal(answer));
      blocks.add(section(s -> s.text(markdownText(refusal))));
      if (answer.related().isEmpty()) {
        blocks.add(section(s -> s.text(markdownText(exampleList()))));
      } else {
        blocks.add(context(c -> c.elements(List.of(markdownText(labels.say("closest"))))));
        addStatements(blocks, answer.related());
      }
      return new Message(blocks, refusal);
    }
    if (!labels.say("englishNote").isEmpty()) {
      blocks.add(context(c -> c.elements(List.of(markdownText(labels.say("englishNote"))))));
    }
    addStatements(blocks, answer.matches());
    if (answer.strength() == Answer.Strength.PARTIAL) {
      blocks.add(context(c -> c.elements(List.of(markdownText(labels.say("partial"))))));
    }
    blocks.add(feedback(answer));
    if (sharedBy != null) {
      blocks.add(
          context(
              c ->
                  c.elements(
                      List.of(
                          markdownText(labels.say("sharedBy", "<@" + sharedBy + ">", command))))));
    }
    if (shareable) {
      String value =
          seal.seal(
              SHARE_ACTION,
              SlackText.truncate(
                  answer.question().strip(), MAX_BUTTON_VALUE - ButtonSeal.OVERHEAD));
      blocks.add(
          actions(
              a ->
                  a.elements(
                      List.of(
                          button(
                              b ->
                                  b.actionId(SHARE_ACTION)
                                      .text(plainText(labels.say("share")))
                                      .value(value))))));
    }
    return new Message(blocks, fallback(answer));
  }

  /** Adds each of {@code matches}, with its citations, and its report under it. */
  private static void addStatements(List<LayoutBlock> blocks, List<Match> matches) {
    for (Match match : matches) {
      String statement =
          match.marked("*", "*", SlackText::escape) + "  " + match.fact().citationLabel();
      blocks.add(section(s -> s.text(markdownText(SlackText.truncate(statement, 2900)))));
      blocks.add(
          context(
              c ->
                  c.elements(
                      List.of(markdownText("_" + SlackText.escape(match.fact().report()) + "_")))));
    }
  }

  /** Returns what replaces a private answer once it is shared: "Shared", without the button. */
  public Message shared() {
    String text = labels.say("shared");
    return new Message(List.of(context(c -> c.elements(List.of(markdownText(text))))), text);
  }

  /** Returns what a click on a button the bot can't vouch for is told: ask again. */
  public String expired() {
    return labels.say("expired");
  }

  /** Returns the private thanks for a 👍 ({@code up}) or a 👎. */
  public String thanks(boolean up) {
    return labels.say(up ? "thanksUp" : "thanksDown");
  }

  /**
   * Returns the 👍 / 👎 buttons of an answer: each carries the first statement and the question,
   * sealed.
   */
  private LayoutBlock feedback(Answer answer) {
    String statement = answer.matches().get(0).fact().id();
    int room = MAX_BUTTON_VALUE - ButtonSeal.OVERHEAD;
    String up =
        seal.seal(FEEDBACK_ACTION, VoteButton.value(true, statement, answer.question(), room));
    String down =
        seal.seal(FEEDBACK_ACTION, VoteButton.value(false, statement, answer.question(), room));
    return contextActions(
        c ->
            c.elements(
                List.of(
                    feedbackButtons(
                        f ->
                            f.actionId(FEEDBACK_ACTION)
                                .positiveButton(
                                    FeedbackButtonObject.builder()
                                        .text(plainText("\uD83D\uDC4D"))
                                        .accessibilityLabel("This answer helped")
                                        .value(up)
                                        .build())
                                .negativeButton(
                                    FeedbackButtonObject.builder()
                                        .text(plainText("\uD83D\uDC4E"))
                                        .accessibilityLabel("This answer is wrong or no help")
                                        .value(down)
                                        .build())))));
  }

  /** Returns how to use the bot, with example questions. */
  public Message usage() {
    String text = labels.say("usage", command) + "\n" + exampleList();
    return new Message(
        List.of(section(s -> s.text(markdownText(text)))),
        Wording.ENGLISH.say(
            "usageFallback",
            examples.isEmpty() ? command + " who is the biggest customer?" : examples.get(0)));
  }

  private String exampleList() {
    if (examples.isEmpty()) {
      return labels.say("askAboutReport");
    }
    return labels.say("tryAsking")
        + "\n"
        + examples.stream()
            .limit(3)
            .map(e -> "\u2022 " + SlackText.escape(e))
            .collect(Collectors.joining("\n"));
  }

  private static String fallback(Answer answer) {
    Match best = answer.matches().get(0);
    return SlackText.escape(
        SlackText.truncate(best.fact().text(), 300)
            + " "
            + best.fact().citationLabel()
            + " ("
            + best.fact().report()
            + ")");
  }
}
