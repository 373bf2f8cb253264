package msftchina.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's database opened as copies of the bot open it. */
class DatabaseTest {

  @TempDir Path temp;

  @Test
  void twoCopiesOpeningANewSqliteFileAtOnceBothStartOnOneSchema() throws Exception {
    ExecutorService two = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 5; round++) {
        StoreSettings settings =
            StoreSettings.from(
                Map.of("MSFTCHINA_DB", "jdbc:sqlite:" + temp.resolve("race" + round + ".db")));
        Callable<Database> open = () -> Database.open(settings);
        Future<Database> a = two.submit(open);
        Future<Database> b = two.submit(open);
        a.get();
        b.get();
        try (Connection c = a.get().connect();
            Statement s = c.createStatement();
            ResultSet rs =
                s.executeQuery("SELECT COUNT(*) FROM " + Database.HISTORY + " WHERE success = 1")) {
          rs.next();
          assertEquals(
              Integer.parseInt(Database.SCHEMA_VERSION),
              rs.getInt(1),
              "each version of the schema, applied once");
        }
      }
    } finally {
      two.shutdown();
    }
  }

  @Test
  void theSchemaVersionOpenedWithoutFlywayIsTheNewestMigration() throws Exception {
    String newest;
    try (var files = java.nio.file.Files.list(Path.of("src/main/resources/db/migration"))) {
      newest =
          files
              .map(f -> f.getFileName().toString())
              .filter(n -> n.matches("V\\d+__.*\\.sql"))
              .map(n -> n.substring(1, n.indexOf("__")))
              .max(java.util.Comparator.comparingInt(Integer::parseInt))
              .orElseThrow();
    }
    assertEquals(newest, Database.SCHEMA_VERSION);
  }

  @Test
  void aDatabaseBehindTheSchemaIsMigratedWhenOpened() throws Exception {
    StoreSettings settings =
        StoreSettings.from(Map.of("MSFTCHINA_DB", "jdbc:sqlite:" + temp.resolve("behind.db")));
    Database.open(settings);
    try (Connection c = Database.open(settings).connect();
        Statement s = c.createStatement()) {
      // As if made by a msftchina before the newest version: its history lacks it, and so do
      // its tables.
      s.executeUpdate("DELETE FROM " + Database.HISTORY);
      for (String table :
          new String[] {
            "questions", "votes", "counts", "seen_events", "outbox", "channel_reports"
          }) {
        s.executeUpdate("DROP TABLE " + table);
      }
    }
    try (Connection c = Database.open(settings).connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM questions")) {
      rs.next();
      assertEquals(0, rs.getInt(1), "the questions table is back");
    }
  }
}
