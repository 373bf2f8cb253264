package msftchina.slack;

import com.google.gson.Gson;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.builtin.SSLCheck;
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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import msftchina.facts.Fact;
import msftchina.metrics.Metrics;
import msftchina.search.Answer;
import msftchina.search.KnowledgeBase;
import msftchina.search.Lookup;
import msftchina.store.PendingReply;
import msftchina.store.Store;
import msftchina.store.Surface;
import msftchina.store.Vote;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bolt app: the slash command (questions and {@code find} lookups), the share button, mentions
 * and direct messages (with follow-ups in threads), the "Find in report" message shortcut and the
 * Home tab, each answered from the knowledge base in the asker's language.
 */
public final class BotApp {

  /** The slash command, as declared in {@code manifest.yml}. */
  public static final String COMMAND = "/msftchina";

  /** The bot events the app answers, as named in {@code manifest.yml}. */
  public static final List<String> EVENTS = List.of("app_mention", "message.im", "app_home_opened");

  /** The callback ids of the shortcuts the app answers, as declared in the manifests. */
  public static final List<String> MESSAGE_SHORTCUTS = List.of(FindInReport.CALLBACK_ID);

  /** The word that makes the slash command a lookup: {@code /msftchina find WORDS}. */
  public static final String FIND = "find";

  /** The bot scopes the app needs, as named in {@code manifest.yml}. */
  public static final List<String> SCOPES =
      List.of("commands", "app_mentions:read", "chat:write", "im:history");

  private static final Logger log = LoggerFactory.getLogger(BotApp.class);

  /** The method of a reply sent to a payload's response_url, as metrics name it. */
  static final String RESPONSE_URL = "response_url";

  /**
   * The bytes of rendered slash-command replies kept: 2 MiB, some 500 answers; more would keep the
   * heap from staying small (bin/msftchina sizes it for its bounds) for little gain.
   */
  static final long REPLY_CACHE_BYTES = 2L << 20;

  private final KnowledgeBase kb;
  private final Replies replies;
  private final Outbox outbox;
  private final SeenEvents seen =
      new SeenEvents(Duration.ofHours(1), SeenEvents.MAX_BYTES, Clock.systemUTC());
  private final SeenEvents shares =
      new SeenEvents(Duration.ofHours(1), SeenEvents.MAX_BYTES, Clock.systemUTC());
  // The votes thanked: one key (a hash of who, which answer, 👍 or 👎) per vote last counted.
  private final SeenEvents votes =
      new SeenEvents(Duration.ofHours(1), SeenEvents.MAX_BYTES, Clock.systemUTC());
  private final ReplyCache commandReplies = new ReplyCache(REPLY_CACHE_BYTES);
  private final Gson json;
  private final Answering answering;
  private final Store store;
  private final Metrics metrics;
  private final ThreadMemory threads =
      new ThreadMemory(Duration.ofHours(24), ThreadMemory.MAX_BYTES, Clock.systemUTC());

  private final ButtonSeal seal;
  private final Set<String> statementIds;

  private BotApp(
      KnowledgeBase kb, Outbox outbox, Gson json, Store store, Metrics metrics, ButtonSeal seal) {
    this.kb = kb;
    this.store = store;
    this.metrics = metrics;
    this.json = json;
    this.seal = seal;
    this.replies = new Replies(kb.examples(), COMMAND, Labels.ENGLISH, seal);
    this.outbox = outbox;
    this.answering = new Answering(kb, COMMAND, seal);
    this.statementIds =
        answering.lookup().all().stream().map(Fact::id).collect(Collectors.toUnmodifiableSet());
  }

  /**
   * Returns a Bolt app answering from {@code kb}, configured by {@code config}, its replies sent
   * through {@code outbox}; requests are checked as Bolt does and authorized by {@code identity}.
   * It remembers questions, votes, seen events and pending replies in {@code store}, and counts
   * questions, their outcomes and answer times in {@code metrics}.
   */
  // Bolt's SSLCheck still takes the (deprecated) verification token: Slack's ssl_check requests
  // carry one, and none is configured here, so every ssl_check is answered as Bolt would.
  @SuppressWarnings("deprecation")
  public static App create(
      AppConfig config,
      KnowledgeBase kb,
      Outbox outbox,
      BotIdentity identity,
      Store store,
      Metrics metrics) {
    // Button values are sealed with a key derived from the bot token: the same in every copy
    // sharing the store and after a restart (ButtonSeal).
    BotApp bot =
        new BotApp(
            kb,
            outbox,
            GsonFactory.createSnakeCase(config.getSlack().getConfig()),
            store,
            metrics,
            ButtonSeal.forToken(config.getSingleTeamBotToken()));
    // Bolt's ssl_check, then an authorization that never calls Slack. The signature is checked
    // over the raw bytes at the edge, before anything parses them (server.EventsServlet); Bolt's
    // RequestVerification would check it again over the body decoded as text.
    // A list that app.use can add to (server.Bot adds the gate that lets a stop wait for requests).
    App app =
        new App(
            config,
            new java.util.ArrayList<>(
                List.of(new SSLCheck(config.getVerificationToken()), identity)));
    // Replies a stopped copy acknowledged but never delivered are posted again, once.
    MethodsClient client = app.slack().methods(config.getSingleTeamBotToken());
    store.bind(pending -> bot.post(client, pending, pending.thread()));

    // Slash commands: https://api.slack.com/interactivity/slash-commands
    // Acknowledged with the answer itself: search takes microseconds, well inside 3 seconds, and
    // a question asked again is answered from the cache of rendered replies.
    app.command(
        COMMAND,
        (req, ctx) -> {
          long started = System.nanoTime();
          String text =
              req.getPayload().getText() == null ? "" : req.getPayload().getText().strip();
          if (text.isEmpty()
              || text.equalsIgnoreCase("help")
              || text.equals("帮助")
              || text.equalsIgnoreCase(FIND)) {
            Replies.Message usage = bot.answering.repliesFor(text).usage();
            return ctx.ack(
                r -> r.responseType("ephemeral").text(usage.text()).blocks(usage.blocks()));
          }
          if (text.regionMatches(true, 0, FIND + " ", 0, FIND.length() + 1)) {
            String words = text.substring(FIND.length() + 1).strip();
            SlashCommandPayload asker = req.getPayload();
            bot.store.asked(
                Surface.FIND,
                asker.getTeamId(),
                asker.getChannelId(),
                asker.getUserId(),
                words,
                null,
                (System.nanoTime() - started) / 1_000_000);
            Lookup.Found statements = bot.answering.lookup().find(words);
            bot.metrics.lookedUp(
                !statements.statements().isEmpty(), Duration.ofNanos(System.nanoTime() - started));
            Replies.Message found = LookupReplies.of(statements, Labels.forText(words));
            return ctx.ack(
                r -> r.responseType("ephemeral").text(found.text()).blocks(found.blocks()));
          }
          ReplyCache.Reply reply = bot.commandReplies.get(text, bot::commandReply);
          SlashCommandPayload p = req.getPayload();
          long nanos = System.nanoTime() - started;
          bot.metrics.asked(Metrics.Surface.SLASH, reply.answer(), Duration.ofNanos(nanos));
          long millis = nanos / 1_000_000;
          bot.store.asked(
              Surface.SLASH,
              p.getTeamId(),
              p.getChannelId(),
              p.getUserId(),
              text,
              reply.answer(),
              millis);
          return Response.builder()
              .statusCode(200)
              .contentType(Response.CONTENT_TYPE_APPLICATION_JSON_UTF8)
              .body(reply.body())
              .build();
        });

    // Feedback buttons (👍 / 👎 on every answer):
    // https://docs.slack.dev/reference/block-kit/block-elements/feedback-buttons-element
    // Counted only for a value the bot sealed (ButtonSeal) naming a statement of the knowledge
    // base; recorded once per user per answer (a second click changes the vote), and thanked
    // privately through the payload's response_url, once: a click replayed is not thanked again.
    app.blockAction(
        Replies.FEEDBACK_ACTION,
        (req, ctx) -> {
          BlockActionPayload payload = req.getPayload();
          String user = payload.getUser() == null ? null : payload.getUser().getId();
          String sealed =
              payload.getActions() == null || payload.getActions().isEmpty()
                  ? null
                  : payload.getActions().get(0).getValue();
          String value = bot.seal.open(Replies.FEEDBACK_ACTION, sealed);
          Vote vote = Vote.fromButton(value, user, System.currentTimeMillis());
          if (vote == null || !bot.statementIds.contains(vote.statement())) {
            if (vote == null) {
              log.warn(
                  "a vote from {} with a value the bot never sent ({} characters): not counted",
                  loggable(user),
                  sealed == null ? 0 : sealed.length());
            } else {
              log.warn(
                  "a vote from {} for a statement not in the knowledge base ({}): not counted",
                  loggable(user),
                  loggable(vote.statement()));
            }
            bot.tellUserLater(app, ctx::respond, payload, Replies.expired());
            return ctx.ack();
          }
          if (!bot.votes.firstTime(voteKey(user, value, vote.up()))) {
            return ctx.ack(); // the same vote again: counted and thanked already
          }
          bot.votes.forget(voteKey(user, value, !vote.up()));
          bot.store.voted(vote);
          bot.tellUserLater(app, ctx::respond, payload, Replies.thanks(vote.up()));
          return ctx.ack();
        });

    // Block actions: https://api.slack.com/reference/interaction-payloads/block-actions
    // "Share in channel" posts the same answer through the payload's response_url, once for each
    // private answer however often the click is sent; then the private copy becomes "Shared".
    app.blockAction(
        Replies.SHARE_ACTION,
        (req, ctx) -> {
          BlockActionPayload payload = req.getPayload();
          if (payload.getActions() == null
              || payload.getActions().isEmpty()
              || !bot.shares.firstTime(shareKey(payload))) {
            return ctx.ack();
          }
          String sealed = payload.getActions().get(0).getValue();
          String user = payload.getUser() == null ? null : payload.getUser().getId();
          String asked = bot.seal.open(Replies.SHARE_ACTION, sealed);
          Answer answer = asked == null ? null : kb.ask(asked);
          if (answer == null || !answer.answered()) {
            // Edited, made up, sent before values were sealed, or no longer answered: nothing
            // reaches the channel, and the user is told to ask again.
            log.warn(
                "a share from {} with a value the bot {} ({} characters): not shared",
                loggable(user),
                answer == null ? "never sent" : "no longer answers",
                sealed == null ? 0 : sealed.length());
            bot.tellUserLater(app, ctx::respond, payload, Replies.expired());
            return ctx.ack();
          }
          Replies.Message shared = bot.answering.repliesFor(asked).answer(answer, false, user);
          Replies.Message done = bot.replies.shared();
          String channel =
              payload.getChannel() == null ? "response_url" : payload.getChannel().getId();
          bot.outbox.send(
              channel,
              RESPONSE_URL,
              "share by " + user + " in " + channel + ": response_url",
              () -> {
                WebhookResponse r =
                    ctx.respond(
                        m ->
                            m.responseType("in_channel")
                                .replaceOriginal(false)
                                .text(shared.text())
                                .blocks(shared.blocks()));
                Delivery.Outcome outcome = Delivery.fromHttp(r.getCode(), null, r.getBody());
                if (outcome.delivered()) {
                  bot.outbox.send(
                      channel,
                      RESPONSE_URL,
                      "share by " + user + " in " + channel + ": replacing the private copy",
                      () -> {
                        WebhookResponse replaced =
                            ctx.respond(
                                m ->
                                    m.replaceOriginal(true)
                                        .text(done.text())
                                        .blocks(done.blocks()));
                        return Delivery.fromHttp(replaced.getCode(), null, replaced.getBody());
                      },
                      null);
                }
                return outcome;
              },
              error ->
                  bot.tellUser(
                      ctx::respond,
                      "I couldn't share that answer in the channel (" + error + ")."));
          return ctx.ack();
        });

    // Events API: https://api.slack.com/apis/events-api
    // Acknowledged at once; the answer goes to the outbox. A retry of an event already seen (same
    // event_id) is acknowledged and not answered again. Slack sends the text with &, < and >
    // escaped: it is decoded once, so the echoed question shows as typed (and is escaped again).
    app.event(
        AppMentionEvent.class,
        (payload, ctx) -> {
          AppMentionEvent event = payload.getEvent();
          if (event.getBotId() == null && bot.seen.firstTime(payload.getEventId())) {
            String question =
                SlackText.unescape(SlackText.withoutMention(event.getText(), ctx.getBotUserId()));
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
            if (bot.store.firstTime(reply)) { // exactly once across copies sharing the store
              bot.post(ctx.client(), reply, thread);
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
            String question =
                SlackText.unescape(SlackText.withoutMention(event.getText(), ctx.getBotUserId()));
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
              bot.post(
                  ctx.client(),
                  reply,
                  event.getThreadTs() != null ? event.getThreadTs() : event.getTs());
            }
          }
          return ctx.ack();
        });
    // Messages the bot never answers: its own and other bots', edits and deletions.
    app.event(MessageBotEvent.class, (payload, ctx) -> ctx.ack());
    app.event(MessageChangedEvent.class, (payload, ctx) -> ctx.ack());
    app.event(MessageDeletedEvent.class, (payload, ctx) -> ctx.ack());

    FindInReport.register(app, bot.answering, outbox, store, metrics);
    AppHome.register(app, bot.answering, outbox, COMMAND, store, metrics);
    return app;
  }

  /**
   * Returns what tells one click of a share button from another: its response_url, which Slack
   * makes for each click and which a replay of the click repeats.
   */
  private static String shareKey(BlockActionPayload payload) {
    return payload.getResponseUrl();
  }

  /**
   * Returns the key of a vote once counted: a hash of who voted, on which answer and which way, so
   * that a click replayed is thanked once; small whatever the question's length.
   */
  private static String voteKey(String user, String value, boolean up) {
    String answer = value.substring(1); // the statement and the question, without the vote
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest((user + "\n" + (up ? "+" : "-") + answer).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /**
   * Returns an id for a log line: at most 80 of its letters, digits and {@code :._-}, so that what
   * a payload carries can't forge or break a line.
   */
  static String loggable(String id) {
    if (id == null) {
      return "nobody";
    }
    String kept = id.replaceAll("[^A-Za-z0-9:._-]", "?");
    return kept.length() > 80 ? kept.substring(0, 80) + "\u2026" : kept;
  }

  /** Tells the user {@code text} privately, from a worker, when the payload has a response_url. */
  private void tellUserLater(App app, Respond respond, BlockActionPayload payload, String text) {
    if (payload.getResponseUrl() != null) {
      var unused = app.executorService().submit(() -> tellUser(respond, text));
    }
  }

  /** Returns the slash command's reply to {@code question}, as the JSON Slack expects. */
  private ReplyCache.Reply commandReply(String question) {
    Answer answer = answering.kb().ask(question);
    Replies.Message message = answering.repliesFor(question).answer(answer, true, null);
    return new ReplyCache.Reply(
        json.toJson(
            SlashCommandResponse.builder()
                .responseType("ephemeral")
                .text(message.text())
                .blocks(message.blocks())
                .build()),
        answer);
  }

  /**
   * Queues the answer to {@code question} for {@code channel}, in {@code thread} when given; a
   * follow-up in a thread the bot answered is read with the thread's earlier question. The answer
   * is remembered under the thread it belongs to ({@code remembered}) and under the posted reply.
   */
  private void post(MethodsClient client, PendingReply pending, String remembered) {
    String eventId = pending.eventId();
    String channel = pending.channel();
    String thread = pending.thread();
    String question = pending.question();
    if (channel == null || channel.isBlank()) {
      log.warn("event {}: no channel to answer in; not answered", eventId);
      store.done(eventId);
      return;
    }
    Replies replies = answering.repliesFor(question);
    String followUp = FollowUp.read(question, threads.recall(channel, thread));
    String asked = followUp == null ? question : followUp;
    Answer answer = asked.isBlank() ? null : kb.ask(asked);
    Replies.Message reply =
        answer == null
            ? replies.usage()
            : replies.answer(
                // the asker's own words echoed; how they were read is noted below them
                answer.to(question), false, null);
    Replies.Message message =
        followUp == null ? reply : FollowUpNote.with(reply, replies.labels(), followUp);
    if (answer != null) {
      if (remembered != null) {
        threads.remember(channel, remembered, new ThreadMemory.Asked(asked, answer));
      }
      long millis = Math.max(0, System.currentTimeMillis() - pending.receivedAt());
      metrics.asked(
          followUp != null ? Metrics.Surface.FOLLOW_UP : Metrics.Surface.of(pending.surface()),
          answer,
          Duration.ofMillis(millis));
      store.asked(
          pending.surface(), pending.team(), channel, pending.user(), question, answer, millis);
    }
    String text = message.text(); // the reply waits as text and JSON, not Block Kit objects
    String blocks = json.toJson(message.blocks());
    outbox.send(
        channel,
        "chat.postMessage",
        "event " + eventId + ": chat.postMessage to " + channel,
        Outbox.replyBytes(text.length() + blocks.length() + question.length() + asked.length()),
        () -> {
          ChatPostMessageResponse r =
              client.chatPostMessage(
                  m -> m.channel(channel).threadTs(thread).text(text).blocksAsString(blocks));
          if (r.isOk()) {
            if (answer != null) {
              threads.remember(channel, r.getTs(), new ThreadMemory.Asked(asked, answer));
            }
            store.done(eventId);
            return Delivery.Outcome.ok();
          }
          return "ratelimited".equals(r.getError())
              ? Delivery.Outcome.retryAfter(Delivery.BACKOFF, r.getError())
              : Delivery.Outcome.refused(r.getError());
        },
        BusyNote.in(client, channel, thread, () -> store.done(eventId)), // when the outbox is full
        error -> store.done(eventId)); // given up, and named in a log line by the outbox
  }

  private interface Respond {
    WebhookResponse respond(String text) throws IOException;
  }

  private void tellUser(Respond respond, String text) {
    try {
      respond.respond(text);
    } catch (IOException e) {
      metrics.slackError(RESPONSE_URL, Delivery.code(Delivery.fromIo(e)));
      log.warn("could not tell the user that a reply failed: {}", e.getClass().getSimpleName());
    }
  }
}
