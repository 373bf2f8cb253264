package msftchina.slack;

import com.google.gson.Gson;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageBotEvent;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageDeletedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.util.json.GsonFactory;
import com.slack.api.webhook.WebhookResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import msftchina.search.Answer;
import msftchina.search.KnowledgeBase;
import msftchina.store.PendingReply;
import msftchina.store.Store;
import msftchina.store.Surface;
import msftchina.store.Vote;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bolt app: the slash command, the share button, mentions and direct messages, each answered
 * from the knowledge base.
 */
public final class BotApp {

  /** The slash command, as declared in {@code manifest.yml}. */
  public static final String COMMAND = "/msftchina";

  /** The bot events the app answers, as named in {@code manifest.yml}. */
  public static final List<String> EVENTS = List.of("app_mention", "message.im");

  /** The bot scopes the app needs, as named in {@code manifest.yml}. */
  public static final List<String> SCOPES =
      List.of("commands", "app_mentions:read", "chat:write", "im:history");

  private static final Logger log = LoggerFactory.getLogger(BotApp.class);

  private final KnowledgeBase kb;
  private final Replies replies;
  private final Delivery delivery;
  private final SeenEvents seen = new SeenEvents(10_000, Duration.ofHours(1), Clock.systemUTC());
  private final ReplyCache commandReplies = new ReplyCache(1_024);
  private final Gson json;
  private final Store store;

  private BotApp(KnowledgeBase kb, Delivery delivery, Gson json, Store store) {
    this.kb = kb;
    this.json = json;
    this.replies = new Replies(kb.examples(), COMMAND);
    this.delivery = delivery;
    this.store = store;
  }

  /** Returns a Bolt app answering from {@code kb}, configured by {@code config}. */
  public static App create(AppConfig config, KnowledgeBase kb, Delivery delivery) {
    return create(config, kb, delivery, Store.none());
  }

  /** Returns a Bolt app answering from {@code kb} that remembers in {@code store}. */
  public static App create(AppConfig config, KnowledgeBase kb, Delivery delivery, Store store) {
    BotApp bot =
        new BotApp(kb, delivery, GsonFactory.createSnakeCase(config.getSlack().getConfig()), store);
    App app = new App(config);
    MethodsClient client = app.slack().methods(config.getSingleTeamBotToken());
    store.bind(kb::ask, r -> app.executorService().submit(() -> bot.post(client, r)));

    // Slash commands: https://api.slack.com/interactivity/slash-commands
    // Acknowledged with the answer itself: search takes microseconds, well inside 3 seconds, and
    // a question asked again is answered from the cache of rendered replies.
    app.command(
        COMMAND,
        (req, ctx) -> {
          long started = System.nanoTime();
          String text =
              req.getPayload().getText() == null ? "" : req.getPayload().getText().strip();
          if (text.isEmpty() || text.equalsIgnoreCase("help")) {
            Replies.Message usage = bot.replies.usage();
            return ctx.ack(
                r -> r.responseType("ephemeral").text(usage.text()).blocks(usage.blocks()));
          }
          String body = bot.commandReplies.get(text, bot::commandReply);
          SlashCommandPayload p = req.getPayload();
          long millis = (System.nanoTime() - started) / 1_000_000;
          bot.store.asked(
              Surface.SLASH, p.getTeamId(), p.getChannelId(), p.getUserId(), text, null, millis);
          return Response.builder()
              .statusCode(200)
              .contentType(Response.CONTENT_TYPE_APPLICATION_JSON_UTF8)
              .body(body)
              .build();
        });

    // Feedback buttons (👍 / 👎 on every answer):
    // https://docs.slack.dev/reference/block-kit/block-elements/feedback-buttons-element
    // Recorded once per user per answer (a second click changes the vote), and acknowledged to
    // the user privately through the payload's response_url.
    app.blockAction(
        Replies.FEEDBACK_ACTION,
        (req, ctx) -> {
          BlockActionPayload payload = req.getPayload();
          String user = payload.getUser() == null ? null : payload.getUser().getId();
          Vote vote =
              Vote.fromButton(
                  payload.getActions().get(0).getValue(), user, System.currentTimeMillis());
          bot.store.voted(vote);
          if (vote != null && payload.getResponseUrl() != null) {
            app.executorService()
                .submit(() -> bot.tellUser(ctx::respond, Replies.thanks(vote.up())));
          }
          return ctx.ack();
        });

    // Block actions: https://api.slack.com/reference/interaction-payloads/block-actions
    // "Share in channel" posts the same answer through the payload's response_url.
    app.blockAction(
        Replies.SHARE_ACTION,
        (req, ctx) -> {
          BlockActionPayload payload = req.getPayload();
          String question = payload.getActions().get(0).getValue();
          String user = payload.getUser() == null ? null : payload.getUser().getId();
          Replies.Message shared =
              bot.replies.answer(kb.ask(question == null ? "" : question), false, user);
          app.executorService()
              .submit(
                  () -> {
                    String error =
                        bot.delivery.send(
                            "share by " + user + ": response_url",
                            () -> {
                              WebhookResponse r =
                                  ctx.respond(
                                      m ->
                                          m.responseType("in_channel")
                                              .replaceOriginal(false)
                                              .text(shared.text())
                                              .blocks(shared.blocks()));
                              return Delivery.fromHttp(r.getCode(), null, r.getBody());
                            });
                    if (error != null) {
                      bot.tellUser(
                          ctx::respond,
                          "I couldn't share that answer in the channel (" + error + ").");
                    }
                  });
          return ctx.ack();
        });

    // Events API: https://api.slack.com/apis/events-api
    // Acknowledged at once; the answer is posted from a worker. A retry of an event already
    // seen (same event_id) is acknowledged and not answered again.
    app.event(
        AppMentionEvent.class,
        (payload, ctx) -> {
          AppMentionEvent event = payload.getEvent();
          if (event.getBotId() == null && bot.seen.firstTime(payload.getEventId())) {
            String question = SlackText.withoutMention(event.getText(), ctx.getBotUserId());
            String thread = event.getThreadTs() != null ? event.getThreadTs() : event.getTs();
            PendingReply reply =
                new PendingReply(
                    payload.getEventId(),
                    Surface.MENTION,
                    payload.getTeamId(),
                    event.getChannel(),
                    thread,
                    event.getUser(),
                    question,
                    System.currentTimeMillis());
            if (bot.store.firstTime(reply)) {
              app.executorService().submit(() -> bot.post(ctx.client(), reply));
            }
          }
          return ctx.ack();
        });
    app.event(
        MessageEvent.class,
        (payload, ctx) -> {
          MessageEvent event = payload.getEvent();
          boolean fromPerson =
              event.getBotId() == null
                  && event.getSubtype() == null
                  && event.getUser() != null
                  && !event.getUser().equals(ctx.getBotUserId());
          if ("im".equals(event.getChannelType())
              && fromPerson
              && bot.seen.firstTime(payload.getEventId())) {
            String question = SlackText.withoutMention(event.getText(), ctx.getBotUserId());
            PendingReply reply =
                new PendingReply(
                    payload.getEventId(),
                    Surface.DM,
                    payload.getTeamId(),
                    event.getChannel(),
                    event.getThreadTs(),
                    event.getUser(),
                    question,
                    System.currentTimeMillis());
            if (bot.store.firstTime(reply)) {
              app.executorService().submit(() -> bot.post(ctx.client(), reply));
            }
          }
          return ctx.ack();
        });
    // Messages the bot never answers: its own and other bots', edits and deletions.
    app.event(MessageBotEvent.class, (payload, ctx) -> ctx.ack());
    app.event(MessageChangedEvent.class, (payload, ctx) -> ctx.ack());
    app.event(MessageDeletedEvent.class, (payload, ctx) -> ctx.ack());
    return app;
  }

  /** Returns the slash command's reply to {@code question}, as the JSON Slack expects. */
  private String commandReply(String question) {
    Replies.Message answer = replies.answer(kb.ask(question), true, null);
    return json.toJson(
        SlashCommandResponse.builder()
            .responseType("ephemeral")
            .text(answer.text())
            .blocks(answer.blocks())
            .build());
  }

  /**
   * Posts the answer to the reply's question in its channel (and thread, when given), records the
   * question, and marks the reply done with.
   */
  private void post(MethodsClient client, PendingReply reply) {
    String question = reply.question();
    String channel = reply.channel();
    String thread = reply.thread();
    Answer answer = question.isBlank() ? null : kb.ask(question);
    Replies.Message message =
        answer == null ? replies.usage() : replies.answer(answer, false, null);
    if (answer != null) {
      long millis = System.currentTimeMillis() - reply.receivedAt();
      store.asked(reply.surface(), reply.team(), channel, reply.user(), question, answer, millis);
    }
    delivery.send(
        "event " + reply.eventId() + ": chat.postMessage to " + channel,
        () -> {
          ChatPostMessageResponse r =
              client.chatPostMessage(
                  m ->
                      m.channel(channel)
                          .threadTs(thread)
                          .text(message.text())
                          .blocks(message.blocks()));
          if (r.isOk()) {
            return Delivery.Outcome.ok();
          }
          return "ratelimited".equals(r.getError())
              ? Delivery.Outcome.retryAfter(Delivery.BACKOFF, r.getError())
              : Delivery.Outcome.refused(r.getError());
        });
    store.done(reply.eventId());
  }

  private interface Respond {
    WebhookResponse respond(String text) throws IOException;
  }

  private void tellUser(Respond respond, String text) {
    try {
      respond.respond(text);
    } catch (IOException e) {
      log.warn("could not tell the user that a reply failed: {}", e.getClass().getSimpleName());
    }
  }
}
