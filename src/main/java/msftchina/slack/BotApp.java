package msftchina.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.builtin.SSLCheck;
import com.slack.api.util.json.GsonFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import msftchina.app.AskService;
import msftchina.app.ReplySender;
import msftchina.app.Storage;
import msftchina.metrics.Metrics;
import msftchina.search.KnowledgeBase;

/**
 * The Bolt app: where the handler of each Slack surface is registered — the slash command
 * (questions and {@code find} lookups), the share and feedback buttons, mentions and direct
 * messages (with follow-ups in threads), the "Find in report" message shortcut and the Home tab —
 * each answering through one {@link AskService}, in the asker's language.
 *
 * @param app the Bolt app the handlers are registered on
 * @param pendingReplies what sends the replies a stopped copy acknowledged and never delivered:
 *     hand it to {@link Storage#start} once serving
 * @param claims what claims new events: close it at a stop, before the outbox
 */
public record BotApp(App app, ReplySender pendingReplies, EventClaimer claims) {

  /** The slash command, as declared in {@code manifest.yml}. */
  public static final String COMMAND = "/msftchina";

  /** The bot events the app answers, as named in {@code manifest.yml}. */
  public static final List<String> EVENTS = List.of("app_mention", "message.im", "app_home_opened");

  /** The callback ids of the shortcuts the app answers, as declared in the manifests. */
  public static final List<String> MESSAGE_SHORTCUTS = List.of(FindInReport.CALLBACK_ID);

  /**
   * The bot scopes the app needs, as named in {@code manifest.yml}; the history scopes let it look
   * for a reply a stopped copy may have posted before posting it again ({@link ReplyPost}).
   */
  public static final List<String> SCOPES =
      List.of(
          "commands",
          "app_mentions:read",
          "chat:write",
          "im:history",
          "channels:history",
          "groups:history",
          "mpim:history");

  /**
   * Returns the Bolt app answering from {@code kb}, configured by {@code config}, its replies sent
   * through {@code outbox}; requests are checked as Bolt does and authorized by {@code identity}.
   * It claims events and records questions and votes in {@code storage}, counts questions, their
   * outcomes and answer times in {@code metrics}, and keeps in memory what {@code memory} bounds.
   */
  // Bolt's SSLCheck still takes the (deprecated) verification token: Slack's ssl_check requests
  // carry one, and none is configured here, so every ssl_check is answered as Bolt would.
  @SuppressWarnings("deprecation")
  public static BotApp create(
      AppConfig config,
      KnowledgeBase kb,
      SendQueue outbox,
      BotIdentity identity,
      Storage storage,
      Metrics metrics,
      SlackMemory memory) {
    // Button values are sealed with a key derived from the bot token: the same in every copy
    // sharing the storage and after a restart (ButtonSeal).
    ButtonSeal seal = ButtonSeal.forToken(config.getSingleTeamBotToken());
    BotParts parts =
        new BotParts(
            new AskService(kb, storage, storage, metrics),
            new ReplyLanguages(kb.examples(), COMMAND, seal),
            outbox,
            storage,
            seal,
            new ThreadMemory(memory.threadWindow(), memory.threadBytes(), Clock.systemUTC()),
            memory,
            new PrivateNotes(metrics),
            GsonFactory.createSnakeCase(config.getSlack().getConfig()));
    // Bolt's ssl_check, then an authorization that never calls Slack. The signature is checked
    // over the raw bytes at the edge, before anything parses them (server.EventsServlet); Bolt's
    // RequestVerification would check it again over the body decoded as text.
    // A list that app.use can add to (server.Bot adds the gate that lets a stop wait for requests).
    App app =
        new App(
            config,
            new ArrayList<>(List.of(new SSLCheck(config.getVerificationToken()), identity)));
    ThreadReplies threadReplies =
        new ThreadReplies(parts, app.slack().methods(config.getSingleTeamBotToken()));
    new SlashCommand(parts).register(app);
    new FeedbackButtons(parts).register(app);
    new ShareButton(parts).register(app);
    new ThreadEvents(parts, threadReplies).register(app);
    new FindInReport(parts).register(app);
    new AppHome(parts).register(app);
    return new BotApp(app, threadReplies, threadReplies.claimer());
  }
}
