package msftchina.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import msftchina.app.UsageReader;
import msftchina.store.StoreException;
import msftchina.store.StoreSettings;
import msftchina.store.StoredUsage;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** What {@code gaps} and {@code stats} share: the {@code --since} option and the database. */
final class StoreArgs {

  @Spec(Spec.Target.MIXEE)
  private CommandSpec spec;

  @Option(
      names = "--since",
      paramLabel = "TIME",
      defaultValue = "30d",
      converter = Since.class,
      description = "how far back to read: 30d (the default), 12h, 2w")
  Duration since;

  // Every command took --facts and --index once; these read the database only, and ignore them.
  @Option(
      names = {"--facts", "--index"},
      paramLabel = "DIR",
      hidden = true)
  private Path unused;

  /** Returns the start of the period {@code --since} asks for, in epoch milliseconds. */
  long fromMillis() {
    return System.currentTimeMillis() - since.toMillis();
  }

  /**
   * Opens what was recorded in the store's database as {@code serve} does (MSFTCHINA_DB, default
   * data/msftchina.db); a SQLite file that isn't there yet is an error saying nothing was recorded.
   */
  UsageReader open(Map<String, String> env) throws StoreException {
    StoreSettings settings;
    try {
      settings = StoreSettings.from(env);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    Path file = settings.sqliteFile();
    if (file != null && !Files.exists(file)) {
      throw new ParameterException(
          spec.commandLine(),
          "no database at "
              + file
              + ": nothing recorded yet (serve creates it on first use; MSFTCHINA_DB names"
              + " another)");
    }
    return StoredUsage.open(settings);
  }

  /** Returns {@code n} of {@code total} as a percentage with one decimal. */
  static String percent(long n, long total) {
    return total == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * n / total);
  }

  /**
   * Returns {@code version} put in {@code format} (" [%s]"), or "" when it is not known (a row
   * recorded before versions were).
   */
  static String version(String format, String version) {
    return version.isEmpty() ? "" : String.format(Locale.ROOT, format, version);
  }

  /** Returns {@code d} as the commands print it: "30 days", "12 hours". */
  static String describe(Duration d) {
    return d.toHours() % 24 == 0 ? d.toDays() + " days" : d.toHours() + " hours";
  }

  /** Reads {@code --since}: a number of days, hours or weeks, such as 30d, 12h or 2w. */
  static final class Since implements ITypeConverter<Duration> {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,5})([dhw]?)");

    @Override
    public Duration convert(String text) {
      Matcher m = DURATION.matcher(text.strip());
      if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
        throw new TypeConversionException("'" + text + "' is not a time like 30d, 12h or 2w");
      }
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "h" -> Duration.ofHours(n);
        case "w" -> Duration.ofDays(7 * n);
        default -> Duration.ofDays(n);
      };
    }
  }
}
