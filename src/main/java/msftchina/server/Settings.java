package msftchina.server;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads typed settings from the environment: sizes ({@code 8MiB}, {@code 512KiB}, {@code 4096}),
 * sizes in bytes, KiB, MiB or GiB; durations ({@code 200ms}, {@code 10s}, {@code 5min}, {@code 1h})
 * and whole numbers, each within bounds. A value that isn't one, or is out of bounds, is an {@link
 * IllegalArgumentException} whose message is one line naming the variable, its value and what is
 * allowed, such as {@code MSFTCHINA_SEND_QUEUE_BYTES=abc: not a size; use e.g. 8MiB}. An unset or
 * blank variable is its default.
 */
final class Settings {

  private static final Pattern SIZE =
      Pattern.compile("(\\d{1,9})\\s*(b|kib|mib|gib)?", Pattern.CASE_INSENSITIVE);

  private static final Pattern DURATION =
      Pattern.compile("(\\d{1,9})\\s*(ms|s|min|m|h)", Pattern.CASE_INSENSITIVE);

  private final Map<String, String> env;

  Settings(Map<String, String> env) {
    this.env = env;
  }

  /** Returns the size in bytes {@code name} gives, from {@code min} to {@code max} bytes. */
  long size(String name, long defaultBytes, long min, long max) {
    return setting(name, defaultBytes, min, max, "a size", Settings::parseSize, Settings::size);
  }

  /** Returns the duration {@code name} gives, from {@code min} to {@code max}. */
  Duration duration(String name, Duration defaultValue, Duration min, Duration max) {
    return setting(
        name, defaultValue, min, max, "a duration", Settings::parseDuration, Settings::duration);
  }

  /** Returns the whole number {@code name} gives, from {@code min} to {@code max}. */
  int count(String name, int defaultValue, int min, int max) {
    return setting(
        name, defaultValue, min, max, "a whole number", Settings::parseCount, String::valueOf);
  }

  /**
   * Returns the value {@code name} gives, read by {@code parse} (null when the text is not {@code
   * kind}), from {@code min} to {@code max}; {@code show} writes a value as the settings do.
   */
  private <T extends Comparable<? super T>> T setting(
      String name,
      T defaultValue,
      T min,
      T max,
      String kind,
      Function<String, T> parse,
      Function<T, String> show) {
    String text = text(name);
    if (text == null) {
      return defaultValue;
    }
    T value = parse.apply(text);
    if (value == null) {
      throw bad(name, text, "not " + kind + "; use e.g. " + show.apply(defaultValue));
    }
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw bad(name, text, "must be from " + show.apply(min) + " to " + show.apply(max));
    }
    return value;
  }

  private static Long parseSize(String text) {
    Matcher m = SIZE.matcher(text);
    return m.matches()
        ? Long.parseLong(m.group(1)) * unit(m.group(2)) // under 2^30 times 2^30: no overflow
        : null;
  }

  private static Duration parseDuration(String text) {
    Matcher m = DURATION.matcher(text);
    if (!m.matches()) {
      return null;
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2).toLowerCase(Locale.ROOT)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofMinutes(n);
    };
  }

  private static Integer parseCount(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Returns the one-line error for {@code name} set to {@code text}: {@code what} is wrong. */
  static IllegalArgumentException bad(String name, String text, String what) {
    String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
    return new IllegalArgumentException(name + "=" + shown.replaceAll("\\s", " ") + ": " + what);
  }

  /**
   * Returns {@code bytes} as written in the settings: {@code 8MiB}, {@code 512KiB}, {@code 100}.
   */
  static String size(long bytes) {
    if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) {
      return (bytes >> 30) + "GiB";
    }
    if (bytes >= 1L << 20 && bytes % (1L << 20) == 0) {
      return (bytes >> 20) + "MiB";
    }
    if (bytes >= 1L << 10 && bytes % (1L << 10) == 0) {
      return (bytes >> 10) + "KiB";
    }
    return Long.toString(bytes);
  }

  /** Returns {@code d} as written in the settings: {@code 200ms}, {@code 10s}, {@code 5min}. */
  static String duration(Duration d) {
    if (d.toMillis() % 3_600_000 == 0 && d.toHours() > 0) {
      return d.toHours() + "h";
    }
    if (d.toMillis() % 60_000 == 0 && d.toMinutes() > 0) {
      return d.toMinutes() + "min";
    }
    if (d.toMillis() % 1_000 == 0) {
      return d.toSeconds() + "s";
    }
    return d.toMillis() + "ms";
  }

  private String text(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static long unit(String suffix) {
    if (suffix == null) {
      return 1;
    }
    return switch (suffix.toLowerCase(Locale.ROOT)) {
      case "kib" -> 1L << 10;
      case "mib" -> 1L << 20;
      case "gib" -> 1L << 30;
      default -> 1;
    };
  }
}
