package msftchina.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import msftchina.app.Asker;
import msftchina.app.Surface;
import msftchina.app.Wording;
import msftchina.search.Answer;

/**
 * The slash command: {@code /msftchina QUESTION} answers privately, {@code /msftchina find WORDS}
 * lists the statements with those words, and nothing (or {@code help}) says how to ask.
 */
final class SlashCommand {

  /**
   * The bytes of rendered slash-command replies kept: 2 MiB, some 500 answers; more would keep the
   * heap from staying small (bin/msftchina caps it) for little gain.
   */
  static final long REPLY_CACHE_BYTES = 2L << 20;

  private final BotParts parts;
  private final ReplyCache rendered = new ReplyCache(REPLY_CACHE_BYTES);

  SlashCommand(BotParts parts) {
    this.parts = parts;
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
        || text.equalsIgnoreCase(BotApp.FIND)) {
      return ephemeral(ctx, parts.replies().forText(text).usage());
    }
    if (text.regionMatches(true, 0, BotApp.FIND + " ", 0, BotApp.FIND.length() + 1)) {
      String words = text.substring(BotApp.FIND.length() + 1).strip();
      Asker who = new Asker(Surface.FIND, p.getTeamId(), p.getChannelId(), p.getUserId());
      return ephemeral(
          ctx, LookupReplies.of(parts.service().find(who, words, started), Wording.forText(words)));
    }
    // The version read before the answer: a reply rendered from a library swapped out meanwhile is
    // kept under the old version, never served as the new one's.
    ReplyCache.Rendered reply = rendered.get(text, parts.service().kb().generation(), this::render);
    Asker who = new Asker(Surface.SLASH, p.getTeamId(), p.getChannelId(), p.getUserId());
    parts.service().record(who, reply.answer().to(text), false, started);
    return Response.builder()
        .statusCode(200)
        .contentType(Response.CONTENT_TYPE_APPLICATION_JSON_UTF8)
        .body(reply.body())
        .build();
  }

  private static Response ephemeral(SlashCommandContext ctx, Replies.Message message) {
    return ctx.ack(r -> r.responseType("ephemeral").text(message.text()).blocks(message.blocks()));
  }

  /** Returns the slash command's reply to {@code question}, as the JSON Slack expects. */
  private ReplyCache.Rendered render(String question) {
    Answer answer = parts.service().answer(question);
    Replies.Message message = parts.replies().forText(question).answer(answer, true, null);
    return new ReplyCache.Rendered(
        parts
            .json()
            .toJson(
                SlashCommandResponse.builder()
                    .responseType("ephemeral")
                    .text(message.text())
                    .blocks(message.blocks())
                    .build()),
        answer);
  }
}
