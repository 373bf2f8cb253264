package msftchina.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import msftchina.app.MemoryStore;
import msftchina.server.Bot;
import msftchina.server.ServeConfig;
import msftchina.server.SlackServer;
import msftchina.slack.Delivery;
import msftchina.slack.SignedRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code msftchina warmup}: serves a few signed questions to itself on loopback, then exits. Run by
 * {@code mvn package} with {@code -XX:ArchiveClassesAtExit}, it records the classes a start and an
 * answer load into the class-data archive that {@code bin/msftchina} starts with. It sends over a
 * plain socket ({@link LoopbackPost}) and {@code mvn package} builds its index before, so the
 * archive holds what {@code serve} loads, not an HTTP client's or an index writer's classes: the
 * archive is mapped whole and counts in full towards resident memory (issue 17).
 */
@Command(
    name = "warmup",
    header =
        "serve a few signed questions to itself on loopback, then exit (builds the start-up"
            + " archive)",
    description =
        "Starts the bot on a free loopback port with a throwaway secret and no Slack, sends it"
            + " signed /msftchina questions and help as Slack would, and stops it. mvn package"
            + " runs it with -XX:ArchiveClassesAtExit=target/msftchina.jsa, so that bin/msftchina"
            + " starts from the classes it loaded. Needs no Slack account and no network.")
final class WarmupCommand extends Subcommand {

  private static final String SECRET = "warmup-signing-secret";

  @Mixin private FactsAndIndex folders;

  @Override
  public Integer call() throws Exception {
    ServeConfig config =
        ServeConfig.from(
            Map.of(
                "PORT", "0",
                "HOST", "127.0.0.1",
                "SLACK_SIGNING_SECRET", SECRET,
                "SLACK_BOT_TOKEN", "xoxb-warmup",
                // Nothing listens on port 9 here: Slack is unreachable, as the bot handles.
                "SLACK_API_URL", "http://127.0.0.1:9/api/"));
    int sent = 0;
    int answered = 0;
    try (Bot bot =
        Bot.start(
            config.with(new Delivery(1, Duration.ofMillis(1), Duration.ofMillis(1))),
            folders.facts(console().env()),
            folders.index(console().env()),
            CompletableFuture.completedFuture(new MemoryStore()),
            line -> {})) {
      List<String> questions = new java.util.ArrayList<>(bot.knowledgeBase().examples());
      questions.add("help");
      for (int round = 0; round < 20; round++) {
        for (String question : questions) {
          SignedRequest signed =
              SignedRequest.slashCommand(
                  SECRET, question, "http://127.0.0.1:9/respond", Instant.now().getEpochSecond());
          int status = LoopbackPost.send(bot.port(), SlackServer.EVENTS_PATH, signed);
          sent++;
          answered += status == 200 ? 1 : 0;
        }
      }
    }
    console().out().println("warmup: " + answered + " of " + sent + " signed requests answered");
    return 0;
  }
}
