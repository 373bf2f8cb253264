package msftchina.store;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The store's settings, from the environment: {@code MSFTCHINA_DB} (a SQLite file, or a JDBC URL:
 * {@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://…}; default the SQLite file {@code
 * data/msftchina.db} under the working folder), {@code MSFTCHINA_RECORD} ({@code full}, {@code
 * counts} or {@code off}), {@code MSFTCHINA_RETENTION_DAYS} (default 90) and {@code
 * MSFTCHINA_ADMINS} (Slack user ids, separated by commas or spaces).
 *
 * @param url the JDBC URL; may carry a password, so never logged as it is (see {@link #where})
 * @param record what is recorded of each question
 * @param retentionDays how many days rows are kept
 * @param admins the Slack user ids who see gaps and votes in App Home
 */
public record StoreSettings(String url, Recording record, int retentionDays, Set<String> admins) {

  /** The default database: a SQLite file under the working folder. */
  public static final Path DEFAULT_FILE = Path.of("data", "msftchina.db");

  /** What is recorded of each question and vote. */
  public enum Recording {
    /** Questions with their text, ids and answers; votes per user. */
    FULL,
    /** Only counts per day: per surface, per statement shown, per refusal reason, per vote. */
    COUNTS,
    /** Nothing (seen events and pending replies are still kept). */
    OFF
  }

  /**
   * Returns the settings in {@code env}; throws {@link IllegalArgumentException} naming a bad
   * variable.
   */
  public static StoreSettings from(Map<String, String> env) {
    String url = env.getOrDefault("MSFTCHINA_DB", "").strip();
    if (url.isEmpty()) {
      url = "jdbc:sqlite:" + DEFAULT_FILE;
    } else if (!url.startsWith("jdbc:") && !url.contains("://")) {
      url = "jdbc:sqlite:" + url; // a file, as the default is written: data/msftchina.db
    }
    if (!url.startsWith("jdbc:sqlite:") && !url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "MSFTCHINA_DB must be a SQLite file (data/msftchina.db), jdbc:sqlite:FILE or"
              + " jdbc:postgresql://HOST:5432/DB?user=...&password=..., got '"
              + (url.length() > 40 ? url.substring(0, 40) + "…" : url)
              + "'");
    }
    String recordText = env.getOrDefault("MSFTCHINA_RECORD", "full").strip();
    Recording record =
        Arrays.stream(Recording.values())
            .filter(r -> r.name().equalsIgnoreCase(recordText))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "MSFTCHINA_RECORD must be full, counts or off, got '" + recordText + "'"));
    String daysText = env.getOrDefault("MSFTCHINA_RETENTION_DAYS", "90").strip();
    int days;
    try {
      days = Integer.parseInt(daysText);
    } catch (NumberFormatException e) {
      days = 0;
    }
    if (days < 1) {
      throw new IllegalArgumentException(
          "MSFTCHINA_RETENTION_DAYS must be a whole number of days, 1 or more, got '"
              + daysText
              + "'");
    }
    Set<String> admins =
        Arrays.stream(env.getOrDefault("MSFTCHINA_ADMINS", "").split("[,\\s]+"))
            .filter(s -> !s.isBlank())
            .collect(Collectors.toUnmodifiableSet());
    return new StoreSettings(url, record, days, admins);
  }

  /** Returns whether the database is SQLite (else PostgreSQL). */
  public boolean sqlite() {
    return url.startsWith("jdbc:sqlite:");
  }

  /** Returns the SQLite file, or null for PostgreSQL or an in-memory SQLite database. */
  public Path sqliteFile() {
    if (!sqlite()) {
      return null;
    }
    String rest = url.substring("jdbc:sqlite:".length());
    int query = rest.indexOf('?');
    String file = query < 0 ? rest : rest.substring(0, query);
    if (file.startsWith("file:")) {
      file = file.substring("file:".length());
    }
    return file.isEmpty() || file.startsWith(":memory:") ? null : Path.of(file);
  }

  /**
   * Returns where the database is, for log lines and errors: the SQLite file, or the PostgreSQL
   * host, port and database without user, password or other parameters.
   */
  public String where() {
    if (sqlite()) {
      Path file = sqliteFile();
      return file == null ? "in-memory SQLite" : file.toString();
    }
    String rest = url.substring("jdbc:postgresql:".length());
    int query = rest.indexOf('?');
    return "PostgreSQL " + (query < 0 ? rest : rest.substring(0, query)).replaceFirst("^//", "");
  }

  @Override
  public String toString() {
    return "StoreSettings["
        + where()
        + ", record="
        + record
        + ", retentionDays="
        + retentionDays
        + "]";
  }
}
