package msftchina.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * answer load into the class-data archive that {@code bin/msftchina} starts with.
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
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    int answered = 0;
    try (Bot bot =
        Bot.start(
            config.with(new Delivery(1, Duration.ofMillis(1), Duration.ofMillis(1))),
            folders.facts(console().env()),
            folders.index(console().env()),
            CompletableFuture.completedFuture(new MemoryStore()),
            line -> {})) {
      URI events = URI.create("http://127.0.0.1:" + bot.port() + SlackServer.EVENTS_PATH);
      List<String> questions = new java.util.ArrayList<>(bot.knowledgeBase().examples());
      questions.add("help");
      for (int round = 0; round < 20; round++) {
        for (String question : questions) {
          SignedRequest signed =
              SignedRequest.slashCommand(
                  SECRET, question, "http://127.0.0.1:9/respond", Instant.now().getEpochSecond());
          HttpResponse<String> response =
              http.send(
                  HttpRequest.newBuilder(events)
                      .header("Content-Type", "application/x-www-form-urlencoded")
                      .header("X-Slack-Request-Timestamp", signed.timestamp())
                      .header("X-Slack-Signature", signed.signature())
                      .POST(HttpRequest.BodyPublishers.ofString(signed.body()))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          answered += response.statusCode() == 200 ? 1 : 0;
        }
      }
    }
    console().out().println("warmup: " + answered + " signed requests answered");
    return 0;
  }
}
