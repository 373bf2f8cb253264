package msftchina.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import msftchina.store.StoreSettings;
import msftchina.testing.LogCapture;
import msftchina.testing.SlackStandIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code serve} says when it can't start (issue 19, item 3): the line an operator reads, and
 * the exit status.
 */
class ServeStartupTest {

  private static final String BOTH_MODES =
      ": set SLACK_APP_TOKEN and SLACK_BOT_TOKEN for Socket Mode (no public URL), or"
          + " SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN for HTTP; copy them from your Slack app's"
          + " settings (see README); see 'msftchina serve --help'\n";

  @TempDir Path temp;

  @Test
  void nothingSetSaysWhatEachModeNeeds() {
    CommandRun run = CommandRun.of(Map.of(), "serve");
    assertEquals(2, run.status());
    assertEquals(
        "msftchina serve: SLACK_APP_TOKEN, SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN are not set"
            + BOTH_MODES,
        run.err());
  }

  @Test
  void aBotTokenAloneSaysWhatEachModeNeeds() {
    CommandRun run = CommandRun.of(Map.of("SLACK_BOT_TOKEN", "xoxb-1"), "serve");
    assertEquals(2, run.status());
    assertEquals(
        "msftchina serve: SLACK_APP_TOKEN and SLACK_SIGNING_SECRET are not set" + BOTH_MODES,
        run.err());
  }

  @Test
  void anAppTokenWithoutABotTokenNamesTheBotTokenForSocketMode() {
    CommandRun run = CommandRun.of(Map.of("SLACK_APP_TOKEN", "xapp-1-A-1-a"), "serve");
    assertEquals(2, run.status());
    assertEquals(
        "msftchina serve: SLACK_BOT_TOKEN is not set: Socket Mode needs it with SLACK_APP_TOKEN;"
            + " copy the Bot User OAuth Token (xoxb-...) from your app's OAuth & Permissions page;"
            + " see 'msftchina serve --help'\n",
        run.err());
  }

  @Test
  void aPortInUseNamesTheSettingThatChangesIt() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        SlackStandIn slack = new SlackStandIn();
        LogCapture log = new LogCapture()) {
      Map<String, String> env = new HashMap<>();
      env.put("SLACK_SIGNING_SECRET", "local-secret");
      env.put("SLACK_BOT_TOKEN", "xoxb-local");
      env.put("SLACK_API_URL", slack.apiUrl());
      env.put("HOST", "127.0.0.1");
      env.put("PORT", Integer.toString(taken.getLocalPort()));
      env.put("MSFTCHINA_INDEX", temp.resolve("index").toString());
      env.put("MSFTCHINA_DB", temp.resolve("store.db").toString()); // a file, as --help shows it
      CommandRun run = CommandRun.of(env, "serve");
      assertEquals(1, run.status(), run.err());
      assertEquals(
          "msftchina serve: cannot listen on 127.0.0.1:"
              + taken.getLocalPort()
              + ": the port is in use (another serve, or another program); set PORT to a free"
              + " port\n",
          run.err());
      assertFalse(String.join("\n", log.lines()).contains("\tat "), "no stack trace");
    }
  }

  @Test
  void theDatabaseDefaultThatHelpShowsIsAcceptedWhenTyped() {
    String help = CommandRun.of(Map.of(), "serve", "--help").out();
    String shown =
        help.lines()
            .filter(l -> l.strip().startsWith("MSFTCHINA_DB"))
            .findFirst()
            .orElseThrow()
            .replaceFirst(".*\\(default ([^)]+)\\).*", "$1");
    assertEquals("data/msftchina.db", shown);
    StoreSettings typed = StoreSettings.from(Map.of("MSFTCHINA_DB", shown));
    assertEquals(StoreSettings.from(Map.of()), typed);
    assertEquals("jdbc:sqlite:data/msftchina.db", typed.url());
  }
}
