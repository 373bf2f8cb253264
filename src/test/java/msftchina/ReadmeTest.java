package msftchina;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's set-up steps, in an order a person can follow. */
class ReadmeTest {

  private static String section(String heading) throws Exception {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    int start = readme.indexOf(heading);
    assertTrue(start >= 0, "the README has no section " + heading);
    int end = readme.indexOf("\n### ", start + heading.length());
    return readme.substring(start, end < 0 ? readme.length() : end);
  }

  /** Asserts that each of {@code steps} comes after the one before it in {@code text}. */
  private static void inOrder(String text, String... steps) {
    int at = -1;
    for (String step : steps) {
      int next = text.indexOf(step, at + 1);
      assertTrue(next > at, "'" + step + "' should come after what precedes it:\n" + text);
      at = next;
    }
  }

  @Test
  void httpsSetUpMakesTheHostBeforeTheManifestNeedsItAndVerifiesTheUrlOnceServeRuns()
      throws Exception {
    inOrder(
        section("### Over public HTTPS"),
        "cloudflared tunnel --url",
        "paste `manifest.yml` with every `YOUR-HOST` replaced",
        "export SLACK_SIGNING_SECRET",
        "bin/msftchina serve",
        "curl https://YOUR-HOST/healthz",
        "Verified ✓");
  }

  @Test
  void socketModeSetUpMakesItsTokensBeforeServeNeedsThem() throws Exception {
    inOrder(
        section("### Quickest: Socket Mode"),
        "paste `manifest.socket.yml`",
        "`xapp-…` token",
        "`xoxb-…`",
        "bin/msftchina serve");
  }
}
