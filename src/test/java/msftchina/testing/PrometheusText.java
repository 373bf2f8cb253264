package msftchina.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page of Prometheus's text exposition format (version 0.0.4), read as a scraper reads it: one
 * sample a line, {@code name{label="value",…} number}; comments skipped.
 */
public final class PrometheusText {

  /** One sample: the metric's name, its labels and its value. */
  public record Sample(String name, Map<String, String> labels, double value) {}

  private static final Pattern LINE =
      Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})? (\\S+)(?: \\d+)?");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

  private final List<Sample> samples;

  private PrometheusText(List<Sample> samples) {
    this.samples = samples;
  }

  /** Reads {@code text}; throws {@link IllegalArgumentException} on a line that is not a sample. */
  public static PrometheusText parse(String text) {
    List<Sample> samples = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        throw new IllegalArgumentException("not a sample: " + line);
      }
      Map<String, String> labels = new LinkedHashMap<>();
      if (m.group(2) != null) {
        Matcher l = LABEL.matcher(m.group(2));
        int at = 0;
        while (l.find() && l.start() == at) {
          labels.put(l.group(1), l.group(2));
          at = l.end();
        }
        if (at != m.group(2).length()) {
          throw new IllegalArgumentException("labels not understood: " + line);
        }
      }
      String value = m.group(3);
      double number =
          switch (value) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(value);
          };
      samples.add(new Sample(m.group(1), labels, number));
    }
    return new PrometheusText(samples);
  }

  /** Returns the samples named {@code name} whose labels include all of {@code labels}. */
  public List<Sample> samples(String name, Map<String, String> labels) {
    return samples.stream()
        .filter(s -> s.name().equals(name))
        .filter(s -> s.labels().entrySet().containsAll(labels.entrySet()))
        .toList();
  }

  /** Returns the samples named {@code name}. */
  public List<Sample> samples(String name) {
    return samples(name, Map.of());
  }

  /**
   * Returns the value of the one sample named {@code name} with exactly these labels, or 0 when
   * there is none (a counter that never moved is not shown).
   */
  public double value(String name, Map<String, String> labels) {
    return samples.stream()
        .filter(s -> s.name().equals(name) && s.labels().equals(labels))
        .mapToDouble(Sample::value)
        .findFirst()
        .orElse(0);
  }

  /** Returns whether any sample's name starts with {@code prefix}. */
  public boolean has(String prefix) {
    return samples.stream().anyMatch(s -> s.name().startsWith(prefix));
  }
}
