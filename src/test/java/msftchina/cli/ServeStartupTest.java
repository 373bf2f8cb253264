package msftchina.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import msftchina.store.StoreSettings;
import msftchina.testing.LogCapture;
import msftchina.testing.SlackStandIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

  // Issue 21 item 5: no setting's secret part is ever printed.

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "jdbc:postgresql://bob:s3cretPW@127.0.0.1:1/db | 2 | MSFTCHINA_DB: the PostgreSQL driver"
            + " doesn't read user:password@ in the URL; put them in its parameters,"
            + " jdbc:postgresql://HOST:5432/DB?user=...&password=... (got"
            + " 'jdbc:postgresql://***@127.0.0.1:1/db'); see 'msftchina serve --help'",
        "jdbc:postgresql://127.0.0.1:99999/db?user=bob&password=s3cretPW | 1 | MSFTCHINA_DB is"
            + " not a URL the PostgreSQL driver can read (PostgreSQL 127.0.0.1:99999/db): check"
            + " the host, the port (1 to 65535) and that special characters in the user and"
            + " password are %-encoded",
        "jdbc:postgresql://127.0.0.1:1/db?user=bob&password=s3cretPW%zz | 1 | MSFTCHINA_DB is"
            + " not a URL the PostgreSQL driver can read (PostgreSQL 127.0.0.1:1/db): check the"
            + " host, the port (1 to 65535) and that special characters in the user and password"
            + " are %-encoded",
        "postgres://bob:s3cretPW@localhost/db | 2 | MSFTCHINA_DB must be a SQLite file"
            + " (data/msftchina.db), jdbc:sqlite:FILE or"
            + " jdbc:postgresql://HOST:5432/DB?user=...&password=..., got"
            + " 'postgres://***@localhost/db'; see 'msftchina serve --help'",
        "jdbc:postgresql://127.0.0.1:1/db?user=bob&password=s3cretPW | 1 | cannot use the"
            + " database PostgreSQL 127.0.0.1:1/db: Connection to 127.0.0.1:1 refused. Check that"
            + " the hostname and port are correct and that the postmaster is accepting TCP/IP"
            + " connections."
      })
  void aDatabaseUrlsPasswordIsNeverPrinted(String url, int status, String line) {
    List<java.util.logging.LogRecord> julRecords = new CopyOnWriteArrayList<>();
    java.util.logging.Handler jul =
        new java.util.logging.Handler() {
          @Override
          public void publish(java.util.logging.LogRecord record) {
            julRecords.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
    root.addHandler(jul);
    try (LogCapture log = new LogCapture()) {
      Map<String, String> env = new HashMap<>();
      env.put("SLACK_SIGNING_SECRET", "local-secret");
      env.put("SLACK_BOT_TOKEN", "xoxb-local");
      env.put("SLACK_API_URL", "http://127.0.0.1:9/api/");
      env.put("MSFTCHINA_INDEX", temp.resolve("index").toString());
      env.put("MSFTCHINA_DB", url);
      CommandRun run = CommandRun.of(env, "serve");
      assertEquals(status, run.status(), run.err());
      assertEquals("msftchina serve: " + line + "\n", run.err());
      String logged = String.join("\n", log.lines());
      assertFalse(logged.contains("s3cretPW"), logged);
      assertFalse(logged.contains("\tat "), logged);
      assertEquals(List.of(), julRecords.stream().map(r -> r.getMessage()).toList());
    } finally {
      root.removeHandler(jul);
    }
  }

  // Issue 21 item 10: a database file serve can't use says what is wrong and what to do.

  @Test
  void aDatabaseFileUnderAFileSaysWhichIsInTheWay() throws Exception {
    Path blocker = java.nio.file.Files.writeString(temp.resolve("notes.txt"), "not a folder");
    CommandRun run = serveWithDatabase(blocker.resolve("msftchina.db").toString());
    assertEquals(1, run.status(), run.err());
    assertEquals(
        "msftchina serve: cannot use the database file "
            + blocker.resolve("msftchina.db")
            + ": "
            + blocker
            + " is a file, not a folder, so the database can't be created under it; move it"
            + " away; or set MSFTCHINA_DB to another file\n",
        run.err());
  }

  @Test
  void anUnreadableDatabaseFileSaysPermissionDeniedAndWhatToDo() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeFalse(
        "root".equals(System.getProperty("user.name")), "root reads any file");
    Path db = java.nio.file.Files.writeString(temp.resolve("store.db"), "SQLite format 3\0");
    java.nio.file.Files.setPosixFilePermissions(db, java.util.Set.of());
    CommandRun run = serveWithDatabase(db.toString());
    assertEquals(1, run.status(), run.err());
    assertEquals(
        "msftchina serve: cannot use the database file "
            + db
            + ": permission denied; give the user running serve read and write access to it and"
            + " its folder; or set MSFTCHINA_DB to another file\n",
        run.err());
  }

  private CommandRun serveWithDatabase(String db) {
    Map<String, String> env = new HashMap<>();
    env.put("SLACK_SIGNING_SECRET", "local-secret");
    env.put("SLACK_BOT_TOKEN", "xoxb-local");
    env.put("SLACK_API_URL", "http://127.0.0.1:9/api/");
    env.put("MSFTCHINA_INDEX", temp.resolve("index").toString());
    env.put("MSFTCHINA_DB", db);
    return CommandRun.of(env, "serve");
  }
}
