package msftchina.store;

import static msftchina.testing.TwoReports.CLAY;
import static msftchina.testing.TwoReports.LUMENBAY_TITLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import msftchina.testing.Postgres;
import msftchina.testing.RunningBot;
import msftchina.testing.TwoReports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A channel's report set by an admin is kept in the store, SQLite or PostgreSQL: it outlives a
 * restart, and each recorded question names the report and version it came from.
 */
class ChannelReportIT {

  private static final String ADMIN = "UADMIN1";
  private static Postgres postgres;

  @TempDir Path temp;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = Postgres.start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void aChannelsReportOutlivesARestartAndAnswersNameTheirVersion(String database) throws Exception {
    String url =
        database.equals("sqlite")
            ? "jdbc:sqlite:" + temp.resolve("bot.db")
            : postgres.newDatabase();
    Map<String, String> env = Map.of("MSFTCHINA_DB", url, "MSFTCHINA_ADMINS", ADMIN);
    Path facts = TwoReports.copy(temp.resolve("facts"));
    try (RunningBot bot = start(facts, env)) {
      assertTrue(
          text(bot.slashCommand("default in:lumenbay", "U0LOCAL", "C7")).startsWith("Only admins"));
      assertTrue(
          text(bot.slashCommand("default in:lumenbay", ADMIN, "C7")).startsWith("Questions in"));
    }
    try (RunningBot bot = start(facts, env)) {
      assertEquals(
          "Questions in this channel ask _"
              + LUMENBAY_TITLE
              + "_ (`in:lumenbay`) first, then every report.",
          text(bot.slashCommand("default", "U0LOCAL", "C7")));
      String answer = bot.slashCommand(CLAY, "U0LOCAL", "C7").body();
      assertTrue(answer.contains("Vellara Minerals"), "every report after its own: " + answer);
    }
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT report_id, report_version FROM questions WHERE channel_id = 'C7'")) {
      assertTrue(rs.next(), "the question is recorded");
      assertEquals("quarrystone", rs.getString(1));
      assertTrue(rs.getString(2).matches("[0-9a-f]{12}"), rs.getString(2));
    }
  }

  private static RunningBot start(Path facts, Map<String, String> env) throws Exception {
    return RunningBot.start(facts, RunningBot.tempIndex(), Store.open(StoreSettings.from(env)));
  }

  private static String text(HttpResponse<String> r) {
    assertEquals(200, r.statusCode(), r.body());
    return JsonParser.parseString(r.body()).getAsJsonObject().get("text").getAsString();
  }
}
