package msftchina.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The store's database: where it is, how to connect to it, and its schema brought up to date by
 * Flyway from the numbered SQL files in {@code db/migration} (the same files on SQLite and
 * PostgreSQL).
 */
public final class Database {

  /** The table in which Flyway keeps the versions applied. */
  static final String HISTORY = "flyway_schema_history";

  /**
   * The newest version of the schema, the highest {@code V<n>__} file in {@code db/migration}
   * (DatabaseTest checks the two agree): a database already at it is opened without Flyway, which
   * costs a fifth of the start-up.
   */
  static final String SCHEMA_VERSION = "3";

  private static final byte[] SQLITE_HEADER =
      "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  /**
   * The PostgreSQL driver's java.util.logging logger, kept so its settings last: the driver writes
   * its warnings (such as "JDBC URL invalid port number") straight to standard error, some with the
   * URL and its password in them. Its lines go to our log instead, at debug level (the error that
   * follows says what was wrong), with any password redacted.
   */
  private static final java.util.logging.Logger DRIVER_LOG =
      java.util.logging.Logger.getLogger("org.postgresql");

  static {
    DriverLog.route(DRIVER_LOG);
  }

  private final StoreSettings settings;

  private Database(StoreSettings settings) {
    this.settings = settings;
  }

  /**
   * Opens the database of {@code settings}, creating a SQLite file and its folder when missing, and
   * applies the migrations it lacks; throws {@link StoreException} with one line naming the
   * database when it can't be used.
   */
  public static Database open(StoreSettings settings) throws StoreException {
    Database db = new Database(settings);
    Path file = settings.sqliteFile();
    boolean created = false;
    if (file != null) {
      StoreFile.checkNotLost(file);
      created = !Files.exists(file);
      checkSqliteFile(file);
    }
    List<String> tables = tablesOf(db);
    if (!tables.isEmpty() && !tables.contains(HISTORY)) {
      throw new StoreException(
          settings.where()
              + " holds another application's tables ("
              + String.join(", ", tables.subList(0, Math.min(5, tables.size())))
              + "), not msftchina's; set MSFTCHINA_DB to a database of its own");
    }
    if (!tables.contains(HISTORY) || !SCHEMA_VERSION.equals(schemaVersion(db))) {
      migrate(settings);
    }
    if (file != null) {
      StoreFile.mark(file, created);
    }
    return db;
  }

  /** Returns the newest version Flyway applied successfully to {@code db}, or null. */
  private static String schemaVersion(Database db) throws StoreException {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT version FROM "
                    + HISTORY
                    + " WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC")) {
      return rs.next() ? rs.getString(1) : null;
    } catch (SQLException e) {
      return null; // Flyway will say what is wrong
    }
  }

  /**
   * Applies the migrations the database lacks. Flyway locks a PostgreSQL database while it
   * migrates, but not a SQLite file: two copies starting at once on a new file both try, and the
   * one that loses finds the other's tables; it tries again (up to three times), and then finds the
   * schema up to date.
   */
  private static void migrate(StoreSettings settings) throws StoreException {
    for (int attempt = 1; ; attempt++) {
      try {
        Flyway.configure()
            .dataSource(settings.url(), null, null)
            .locations("classpath:db/migration")
            .loggers("slf4j")
            .load()
            .migrate();
        return;
      } catch (FlywayException e) {
        if (!settings.sqlite() || attempt == 3) {
          throw new StoreException(
              settings.where()
                  + " can't be brought to msftchina's schema: "
                  + settings.redact(StoreErrors.firstLine(e)));
        }
      }
      try {
        Thread.sleep(300L * attempt);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StoreException("interrupted while migrating " + settings.where());
      }
    }
  }

  /**
   * Returns the tables of {@code db}. A new SQLite file is switched to write-ahead logging by the
   * first connection, under a lock the busy timeout doesn't cover: another copy opening it at that
   * moment is told the file is locked, and tries again (for up to about 5 s).
   */
  private static List<String> tablesOf(Database db) throws StoreException {
    for (int attempt = 1; ; attempt++) {
      try (Connection c = db.connect()) {
        return tables(c);
      } catch (SQLException e) {
        if (!db.settings.sqlite()
            || attempt == 25
            || !StoreErrors.firstLine(e).contains("SQLITE_BUSY")) {
          throw StoreErrors.failure(db.settings, e);
        }
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StoreException("interrupted while opening " + db.settings.where());
      }
    }
  }

  /** Returns the settings the database was opened with. */
  public StoreSettings settings() {
    return settings;
  }

  /**
   * Returns a new connection, in auto-commit mode. SQLite waits up to 5 s for a lock, writes ahead
   * to a log (so readers don't block writers) and caches 512 KiB of pages; PostgreSQL gives up
   * connecting after 3 s and on a silent server after 10 s.
   */
  public Connection connect() throws SQLException {
    Properties p = new Properties();
    if (settings.sqlite()) {
      p.setProperty("journal_mode", "WAL");
      p.setProperty("synchronous", "NORMAL");
      p.setProperty("busy_timeout", "5000");
      p.setProperty("cache_size", "-512"); // KiB of page cache per connection (default 2,000)
    } else {
      p.setProperty("connectTimeout", "3");
      p.setProperty("loginTimeout", "3");
      p.setProperty("socketTimeout", "10");
      p.setProperty("tcpKeepAlive", "true");
      p.setProperty("ApplicationName", "msftchina");
    }
    return DriverManager.getConnection(settings.url(), p);
  }

  private static void checkSqliteFile(Path file) throws StoreException {
    try {
      if (Files.isDirectory(file)) {
        throw new StoreException(file + " is a folder, not a database file; set MSFTCHINA_DB");
      }
      if (!Files.exists(file)) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        return;
      }
      if (Files.size(file) == 0) {
        return; // SQLite makes an empty file a database
      }
      byte[] head;
      try (InputStream in = Files.newInputStream(file)) {
        head = in.readNBytes(SQLITE_HEADER.length);
      }
      if (!java.util.Arrays.equals(head, SQLITE_HEADER)) {
        throw new StoreException(
            file
                + " is not a SQLite database (corrupt, or another kind of file); move it away (a"
                + " new one is created) or set MSFTCHINA_DB");
      }
    } catch (IOException e) {
      throw new StoreException(StoreErrors.cannotUse(file, e));
    }
  }

  private static List<String> tables(Connection c) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        String schema = rs.getString("TABLE_SCHEM");
        if (schema == null || schema.equals(c.getSchema())) {
          names.add(rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
        }
      }
    }
    return names;
  }
}
