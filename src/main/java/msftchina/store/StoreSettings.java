package msftchina.store;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The store's settings, from the environment: {@code MSFTCHINA_DB} (a SQLite file, or a JDBC URL:
 * {@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://…}; default the SQLite file {@code
 * data/msftchina.db} under the working folder), {@code MSFTCHINA_RECORD} ({@code full}, {@code
 * counts} or {@code off}), {@code MSFTCHINA_RETENTION_DAYS} (default 90) and {@code
 * MSFTCHINA_ADMINS} (Slack user ids, separated by commas or spaces). The bound of the records
 * waiting to be written is {@link #RECORD_QUEUE_BYTES} unless {@link #withRecordQueueBytes} sets
 * another ({@code serve} reads {@code MSFTCHINA_RECORD_QUEUE_BYTES}).
 *
 * @param url the JDBC URL; may carry a password, so never logged as it is (see {@link #where})
 * @param record what is recorded of each question
 * @param retentionDays how many days rows are kept
 * @param admins the Slack user ids who see gaps and votes in App Home
 * @param recordQueueBytes the most bytes of questions and votes waiting to be written; what doesn't
 *     fit is dropped and counted
 */
public record StoreSettings(
    String url, Recording record, int retentionDays, Set<String> admins, long recordQueueBytes) {

  /**
   * The bytes of records waiting to be written when nothing says otherwise: 2 MiB, a few seconds of
   * a flood of long questions while the database is slow.
   */
  public static final long RECORD_QUEUE_BYTES = 2L << 20;

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
              + shown(url)
              + "'");
    }
    if (url.startsWith("jdbc:postgresql://") && beforeQuery(url).contains("@")) {
      throw new IllegalArgumentException(
          "MSFTCHINA_DB: the PostgreSQL driver doesn't read user:password@ in the URL; put them"
              + " in its parameters, jdbc:postgresql://HOST:5432/DB?user=...&password=... (got '"
              + shown(url)
              + "')");
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
    return new StoreSettings(url, record, days, admins, RECORD_QUEUE_BYTES);
  }

  /** Returns these settings with at most {@code bytes} of records waiting to be written. */
  public StoreSettings withRecordQueueBytes(long bytes) {
    return new StoreSettings(url, record, retentionDays, admins, bytes);
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
    return "PostgreSQL "
        + (query < 0 ? rest : rest.substring(0, query))
            .replaceFirst("^//", "")
            .replaceFirst("^.*@", "");
  }

  /**
   * Returns {@code text} (an error or log line about the database) with every secret part of the
   * URL replaced by {@code ***}: the password of {@code user:password@} and the value of any
   * password parameter, as written and %-decoded, wherever they appear; and, in any URL in it,
   * whatever such parts look like (see {@link #redactUrls}).
   */
  public String redact(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String secret : secrets()) {
      out = out.replace(secret, "***");
    }
    return redactUrls(out);
  }

  /**
   * Returns {@code text} with the secret parts of any URL in it replaced by {@code ***}: the user
   * and password before an {@code @}, and the values of parameters whose name holds "password".
   */
  public static String redactUrls(String text) {
    if (text == null) {
      return null;
    }
    return text.replaceAll("(?i)(password=)[^&;\\s'\"]*", "$1***")
        .replaceAll("(://)[^?#\\s'\"]*@", "$1***@");
  }

  /** Returns the secret parts of the URL: passwords, as written and %-decoded, longest first. */
  private List<String> secrets() {
    List<String> secrets = new ArrayList<>();
    String beforeQuery = beforeQuery(url);
    int at = beforeQuery.lastIndexOf('@');
    if (at >= 0) {
      String userInfo = beforeQuery.substring(0, at);
      int colon = userInfo.indexOf(':');
      if (colon >= 0) {
        addWithDecoded(secrets, userInfo.substring(colon + 1));
      }
    }
    int query = url.indexOf('?');
    if (query >= 0) {
      for (String pair : url.substring(query + 1).split("[&;]", -1)) {
        int eq = pair.indexOf('=');
        if (eq > 0 && pair.substring(0, eq).toLowerCase(Locale.ROOT).contains("password")) {
          addWithDecoded(secrets, pair.substring(eq + 1));
        }
      }
    }
    secrets.removeIf(String::isEmpty);
    secrets.sort(Comparator.comparingInt(String::length).reversed());
    return secrets;
  }

  private static void addWithDecoded(List<String> secrets, String secret) {
    secrets.add(secret);
    try {
      secrets.add(URLDecoder.decode(secret, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      // not %-encoded as it should be: the text as written is redacted
    }
  }

  /** Returns what comes between {@code //} and the query of {@code url}: host, port, path. */
  private static String beforeQuery(String url) {
    int start = url.indexOf("//");
    return start < 0 ? "" : url.substring(start + 2).split("[?#]", 2)[0];
  }

  /** Returns {@code url} as an error may show it: its secret parts redacted, at most 60 chars. */
  private static String shown(String url) {
    String safe = redactUrls(url);
    return safe.length() > 60 ? safe.substring(0, 60) + "…" : safe;
  }

  @Override
  public String toString() {
    return "StoreSettings["
        + where()
        + ", record="
        + record
        + ", retentionDays="
        + retentionDays
        + ", recordQueueBytes="
        + recordQueueBytes
        + "]";
  }
}
