package msftchina.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import msftchina.store.Database;
import msftchina.store.StoreException;
import msftchina.store.StoreSettings;

/** What {@code gaps} and {@code stats} share: the {@code --since} option and the database. */
final class StoreArgs {

  private static final Pattern DURATION = Pattern.compile("(\\d{1,5})([dhw]?)");

  private StoreArgs() {}

  /** Removes {@code --since N[d|h|w]} from {@code args}, and returns it (default 30 days). */
  static Duration since(List<String> args, String usage) {
    String text = Options.take(args, "--since", usage);
    if (text == null) {
      return Duration.ofDays(30);
    }
    Matcher m = DURATION.matcher(text.strip());
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      throw new UsageException(
          "--since takes a time like 30d, 12h or 2w, got '" + text + "'; usage: " + usage);
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "h" -> Duration.ofHours(n);
      case "w" -> Duration.ofDays(7 * n);
      default -> Duration.ofDays(n);
    };
  }

  /**
   * Opens the store's database as {@code serve} does (MSFTCHINA_DB, default data/msftchina.db); a
   * SQLite file that isn't there yet is an error saying nothing was recorded.
   */
  static Connection connect(Map<String, String> env) throws StoreException, SQLException {
    StoreSettings settings;
    try {
      settings = StoreSettings.from(env);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    Path file = settings.sqliteFile();
    if (file != null && !Files.exists(file)) {
      throw new UsageException(
          "no database at "
              + file
              + ": nothing recorded yet (serve creates it on first use; MSFTCHINA_DB names"
              + " another)");
    }
    return Database.open(settings).connect();
  }

  /** Returns {@code n} of {@code total} as a percentage with one decimal. */
  static String percent(long n, long total) {
    return total == 0 ? "-" : String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * n / total);
  }

  /** Returns {@code d} as the commands print it: "30 days", "12 hours". */
  static String describe(Duration d) {
    return d.toHours() % 24 == 0 ? d.toDays() + " days" : d.toHours() + " hours";
  }
}
