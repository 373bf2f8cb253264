package msftchina.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import msftchina.slack.SignedRequest;

/**
 * {@code msftchina sign}: prints a signed slash command, ready to send to a local {@code serve}.
 */
final class SignCommand implements Command {

  private static final String USAGE = "msftchina sign [--url URL] \"question\"";

  @Override
  public String name() {
    return "sign";
  }

  @Override
  public String summary() {
    return "print a curl command that sends a signed /msftchina to a local serve";
  }

  @Override
  public String help() {
    return "usage: "
        + USAGE
        + "\n\n"
        + "Prints a curl command sending \"/msftchina question\" as Slack would, signed with\n"
        + "$SLACK_SIGNING_SECRET, to URL (default http://localhost:$PORT/slack/events, PORT 3000).\n"
        + "The signature is valid for 5 minutes. No Slack account needed.\n";
  }

  @Override
  public int run(List<String> args, Console console) {
    List<String> rest = new ArrayList<>(args);
    String url = Options.take(rest, "--url", USAGE);
    if (url == null) {
      url = "http://localhost:" + console.env().getOrDefault("PORT", "3000") + "/slack/events";
    }
    if (rest.isEmpty()) {
      throw new UsageException("give a question; usage: " + USAGE);
    }
    String secret = console.env().get("SLACK_SIGNING_SECRET");
    if (secret == null || secret.isBlank()) {
      throw new UsageException(
          "SLACK_SIGNING_SECRET is not set; use the same value as the serve you send to");
    }
    SignedRequest request =
        SignedRequest.slashCommand(
            secret.strip(),
            String.join(" ", rest),
            "http://localhost:9/unused-response-url",
            Instant.now().getEpochSecond());
    console.out().println(curl(url, request));
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
