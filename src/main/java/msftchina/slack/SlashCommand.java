package msftchina.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import msftchina.app.Asker;
import msftchina.app.Scope;
import msftchina.app.Surface;
import msftchina.app.Wording;
import msftchina.search.Answer;

/**
 * The slash command: {@code /msftchina QUESTION} answers privately ({@code in:ID QUESTION} from one
 * report), {@code /msftchina find WORDS} lists the statements with those words, {@code reports}
 * lists the reports, {@code default in:ID} sets the channel's report, and nothing (or {@code help})
 * says how to ask.
 */
final class SlashCommand {

  /** The word that makes the slash command a lookup: {@code /msftchina find WORDS}. */
  static final String FIND = "find";

  /** The word that lists the reports: {@code /msftchina reports}. */
  static final String REPORTS = "reports";

  /** The word that sets a channel's report: {@code /msftchina default in:ID}. */
  static final String DEFAULT = "default";

  private final BotParts parts;
  private final ChannelReport channelReport;
  private final ReplyCache rendered;

  SlashCommand(BotParts parts) {
    this.parts = parts;
    this.rendered = new ReplyCache(parts.memory().replyCacheBytes());
    this.channelReport = new ChannelReport(parts.service(), parts.storage());
  }

  // Slash commands: https://api.slack.com/interactivity/slash-commands
  // Acknowledged with the answer itself: search takes microseconds, well inside 3 seconds, and a
  // question asked again is answered from the cache of rendered replies.
  void register(App app) {
    app.command(BotApp.COMMAND, this::handle);
  }

  private Response handle(SlashCommandRequest req, SlashCommandContext ctx) {
    long started = System.nanoTime();
    SlashCommandPayload p = req.getPayload();
    String text = p.getText() == null ? "" : p.getText().strip();
    if (text.isEmpty()
        || text.equalsIgnoreCase("help")
        || text.equals("帮助")
        || text.equalsIgnoreCase(FIND)) {
      return ephemeral(ctx, parts.replies().forText(text).usage());
    }
    if (text.regionMatches(true, 0, FIND + " ", 0, FIND.length() + 1)) {
      String words = text.substring(FIND.length() + 1).strip();
      Asker who = new Asker(Surface.FIND, p.getTeamId(), p.getChannelId(), p.getUserId());
      return ephemeral(
          ctx, LookupReplies.of(parts.service().find(who, words, started), Wording.forText(words)));
    }
    if (text.equalsIgnoreCase(REPORTS) || text.equals("报告")) {
      return ephemeral(
          ctx,
          ReportReplies.list(Wording.forText(text), parts.service().reports(), BotApp.COMMAND));
    }
    if (text.equalsIgnoreCase(DEFAULT)
        || text.regionMatches(true, 0, DEFAULT + " ", 0, DEFAULT.length() + 1)) {
      return ephemeral(
          ctx,
          channelReport.handle(
              text.substring(DEFAULT.length()).strip(),
              p.getTeamId(),
              p.getChannelId(),
              p.getUserId()));
    }
    Scope scope = parts.service().scope(text, p.getChannelId());
    if (scope.unknown() != null) {
      return ephemeral(
          ctx,
          ReportReplies.unknown(Wording.forText(text), scope.unknown(), parts.service().reports()));
    }
    // A channel's report makes another reply to the same words: it is part of the key.
    String prefix = scope.fallBack() ? "\0" + scope.report().id() + "\0" : "";
    // The version read before the answer: a reply rendered from a library swapped out meanwhile is
    // kept under the old version, never served as the new one's.
    ReplyCache.Rendered reply =
        rendered.get(
            prefix + text,
            parts.service().kb().generation(),
            key -> render(key.substring(prefix.length()), scope));
    Asker who = new Asker(Surface.SLASH, p.getTeamId(), p.getChannelId(), p.getUserId());
    parts.service().record(who, reply.answer().to(text), scope, false, started);
    // Bolt's own JSON response, from the JSON kept: a String passes through Bolt unwritten.
    return Response.json(200, reply.body());
  }

  private static Response ephemeral(SlashCommandContext ctx, Replies.Message message) {
    return ctx.ack(r -> r.responseType("ephemeral").text(message.text()).blocks(message.blocks()));
  }

  /**
   * Returns the slash command's reply to {@code question}, asked as {@code scope} says, as the JSON
   * Slack expects.
   */
  private ReplyCache.Rendered render(String question, Scope scope) {
    Answer answer =
        parts
            .service()
            .answer(new Scope(scope.question(), scope.report(), scope.fallBack(), null))
            .to(question);
    Replies replies = parts.replies().forText(question);
    Replies.Message message =
        ReportReplies.noted(replies.answer(answer, true, null), replies.labels(), scope, answer);
    String body =
        parts
            .json()
            .toJson(
                SlashCommandResponse.builder()
                    .responseType("ephemeral")
                    .text(message.text())
                    .blocks(message.blocks())
                    .build());
    return new ReplyCache.Rendered(body, answer);
  }
}
