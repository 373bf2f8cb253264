package msftchina.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds citation markers such as {@code [1, 2, 3, 4]}, {@code [1-4]} or {@code [2]} in text. */
public final class CitationMarkers {

  private static final Pattern COMMA = Pattern.compile(",");
  private static final Pattern DASH = Pattern.compile("\\s*[-\u2013]\\s*");

  private static final String NUMBER_OR_RANGE = "\\d{1,4}(?:\\s*[-\u2013]\\s*\\d{1,4})?";

  /** A marker, with the white space before it so that removing it leaves clean text. */
  static final Pattern MARKER =
      Pattern.compile(
          "\\s*\\[\\s*(" + NUMBER_OR_RANGE + "(?:\\s*,\\s*" + NUMBER_OR_RANGE + ")*)\\s*\\]");

  /** The widest range a marker may span; wider ones are text, not citations. */
  private static final int MAX_RANGE = 200;

  private CitationMarkers() {}

  /** Returns the citation numbers of every marker in {@code text}, ascending, each once. */
  public static List<Integer> numbers(String text) {
    TreeSet<Integer> numbers = new TreeSet<>();
    Matcher m = MARKER.matcher(text);
    while (m.find()) {
      List<Integer> parsed = parse(m.group(1));
      if (parsed != null) {
        numbers.addAll(parsed);
      }
    }
    return List.copyOf(numbers);
  }

  /** Returns {@code text} without its citation markers. */
  public static String strip(String text) {
    StringBuilder out = new StringBuilder();
    Matcher m = MARKER.matcher(text);
    while (m.find()) {
      m.appendReplacement(
          out, parse(m.group(1)) == null ? Matcher.quoteReplacement(m.group()) : "");
    }
    m.appendTail(out);
    return out.toString().strip();
  }

  /** Returns the numbers a marker's inside lists, or null when it is not a citation. */
  private static List<Integer> parse(String inside) {
    List<Integer> numbers = new ArrayList<>();
    for (String part : COMMA.split(inside, -1)) {
      String[] ends = DASH.split(part.strip(), -1);
      int from = Integer.parseInt(ends[0]);
      int to = ends.length == 2 ? Integer.parseInt(ends[1]) : from;
      if (to < from || to - from > MAX_RANGE) {
        return null;
      }
      for (int n = from; n <= to; n++) {
        numbers.add(n);
      }
    }
    return numbers;
  }
}
