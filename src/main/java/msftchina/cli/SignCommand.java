package msftchina.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import msftchina.slack.SignedRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code msftchina sign}: prints a signed slash command, ready to send to a local {@code serve}.
 */
@Command(
    name = "sign",
    header = "print a curl command that sends a signed /msftchina to a local serve",
    description =
        "Prints a curl command sending \"/msftchina question\" as Slack would, signed with"
            + " $SLACK_SIGNING_SECRET. The signature is valid for 5 minutes. No Slack account"
            + " needed.")
final class SignCommand extends Subcommand {

  @Option(
      names = "--url",
      paramLabel = "URL",
      description = "where to send it (default: http://localhost:$PORT/slack/events, PORT 3000)")
  private String url;

  @Parameters(paramLabel = "QUESTION", description = "the question")
  private List<String> words = new ArrayList<>();

  @Override
  public Integer call() {
    String question = freeText(words);
    if (words.isEmpty()) {
      throw usageError("give a question");
    }
    String secret = console().env().get("SLACK_SIGNING_SECRET");
    if (secret == null || secret.isBlank()) {
      throw usageError(
          "SLACK_SIGNING_SECRET is not set; use the same value as the serve you send to");
    }
    String to =
        url != null
            ? url
            : "http://localhost:" + console().env().getOrDefault("PORT", "3000") + "/slack/events";
    SignedRequest request =
        SignedRequest.slashCommand(
            secret.strip(),
            question,
            "http://localhost:9/unused-response-url",
            Instant.now().getEpochSecond());
    console().out().println(curl(to, request));
    return 0;
  }

  /**
   * Returns a curl command sending {@code request} to {@code url}, one option a line, lines joined
   * by {@code \} continuations: runnable as pasted, through {@code sh} and by {@code eval}. The
   * body is one single-quoted word, exactly the signed bytes.
   */
  static String curl(String url, SignedRequest request) {
    return String.join(
        " \\\n  ",
        "curl -sS " + quote(url),
        "-H 'Content-Type: application/x-www-form-urlencoded'",
        "-H " + quote("X-Slack-Request-Timestamp: " + request.timestamp()),
        "-H " + quote("X-Slack-Signature: " + request.signature()),
        "--data-raw " + quote(request.body()));
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
