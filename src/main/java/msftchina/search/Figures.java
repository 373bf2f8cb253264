package msftchina.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import msftchina.facts.FactsFormatException;
import msftchina.facts.WordList;

/**
 * The kinds of figure a question can ask for (a dollar figure, a share of a total, a count), the
 * other details it can ask for besides (a place, a purpose, the current state), how a statement
 * gives each, and the words that name what a figure measures, read from {@code facts/figures.txt}.
 */
public final class Figures {

  private static final Pattern COMMA = Pattern.compile(",");

  /** The file name, in {@code facts/}, that figures are read from. */
  public static final String FILE = "figures.txt";

  /**
   * A kind of figure.
   *
   * @param id the kind's key in the file ("dollars"), as a facts file names it
   * @param name how a refusal names it
   * @param asked matches a lower-cased question that asks for it
   * @param given matches a statement that gives it
   * @param asks how a question asks for it: as a kind of figure, a detail besides, or a detail that
   *     puts the statements giving it first
   * @param where where in a statement a match gives it: anywhere, or only in relation to the
   *     question's words
   */
  public record Kind(String id, String name, Pattern asked, Pattern given, Asks asks, Where where) {

    /** Returns whether a statement gives it only near the question's words. */
    public boolean near() {
      return where == Where.NEAR;
    }

    /** Returns whether it is a detail asked besides any kind of figure ("where", "what for"). */
    public boolean besides() {
      return asks == Asks.BESIDES;
    }
  }

  /** How a question asks for a kind, by the field of its {@code asked} line. */
  public enum Asks {
    /**
     * One of the kinds of figure ("KIND asked:"), of which a question asks for the first that
     * matches; only a statement giving it answers.
     */
    FIGURE,
    /**
     * A detail asked besides any kind of figure ("KIND asked besides:", "where", "what for"): every
     * one that matches is asked, and only a statement giving them all answers.
     */
    BESIDES,
    /**
     * A detail that orders the answer ("KIND asked first:", "why"): a statement shown that gives it
     * comes first, but a statement without it may still answer, since the report may give one in
     * words no pattern knows.
     */
    FIRST
  }

  /** Where in a statement a match of a kind's {@code given} pattern gives it. */
  public enum Where {
    /** Anywhere in the statement ("KIND given:"). */
    ANYWHERE("given"),
    /**
     * Only a few words from the question's words ("KIND given near:"): a place qualifies the words
     * beside it, "850 engineers in Rotterdam", not the meeting at the other end of the sentence.
     */
    NEAR("given near"),
    /**
     * Only in a clause with the question's words ("KIND given in clause:"): "in 2024" dates what
     * its own clause says, not the testimony cited after the comma.
     */
    CLAUSE("given in clause"),
    /**
     * Only where the match names someone the question doesn't ("KIND given besides asked:"):
     * "OpenAI and Anthropic" are no others besides OpenAI and Anthropic.
     */
    BESIDES_ASKED("given besides asked"),
    /**
     * Only in a clause naming whom the question asks it of, when it names someone ("KIND given by
     * agent:"): what Microsoft continues to do is no plan of lawmakers'.
     */
    AGENT("given by agent"),
    /**
     * Only just before a word of what the question counts ("KIND given before counted:"): a number
     * counts the noun after it, so "how many engineers…?" is given by "850 engineers", not by "two
     * places" beside the word "engineers".
     */
    COUNTED("given before counted"),
    /**
     * Only where the words after the match, up to the end of its clause, name the whole the
     * question asks a share of ("KIND given of whole:"): "1.5% of the company's total revenue" is
     * no share of its AI revenue.
     */
    WHOLE("given of whole");

    private final String field;

    Where(String field) {
      this.field = field;
    }
  }

  private static final List<String> FIELDS = List.of("name", "asked", "given");
  private static final String GIVEN_AS = "given as";
  private static final String ASKED_BESIDES = "asked besides";
  private static final String ASKED_FIRST = "asked first";
  private static final String ASKED_FIRST_AS = "asked first as";

  /** What a line of the file may be, as an error names it. */
  private static final String EXPECTED =
      "expected 'KIND name|asked|asked besides|asked first|asked first as|given|given near|given in"
          + " clause|given besides asked|given by agent|given before counted|given of whole|given"
          + " as: value'";

  private final List<Kind> kinds;
  private final List<String> measures;

  /** How each kind's {@code asked} pattern is found in a question, by the kind's place. */
  private final List<BoundaryScan> asked;

  /** For each kind, the words its {@code asked} pattern spells out. */
  private final List<Set<String>> spelled;

  /** The words any kind's {@code asked} pattern spells out. */
  private final Set<String> spelledByAny;

  /**
   * For each kind, the first kind with the same {@code asked} pattern ("asked first as"), whose
   * finding in a question it shares rather than scanning the question again.
   */
  private final int[] askedAs;

  private Figures(List<Kind> kinds, List<String> measures) {
    this.kinds = List.copyOf(kinds);
    this.measures = List.copyOf(measures);
    this.asked = this.kinds.stream().map(k -> BoundaryScan.of(k.asked())).toList();
    this.spelled =
        this.kinds.stream()
            .map(
                k -> {
                  Set<String> spelt = new HashSet<>();
                  Matcher w = WORD.matcher(k.asked().pattern().replaceAll("\\\\[a-zA-Z]", " "));
                  while (w.find()) {
                    spelt.add(w.group().toLowerCase(Locale.ROOT));
                  }
                  return Set.copyOf(spelt);
                })
            .toList();
    Set<String> any = new HashSet<>();
    spelled.forEach(any::addAll);
    this.spelledByAny = Set.copyOf(any);
    this.askedAs = new int[this.kinds.size()];
    for (int k = 0; k < askedAs.length; k++) {
      askedAs[k] = k;
      for (int e = 0; e < k; e++) {
        if (this.kinds.get(e).asked().pattern().equals(this.kinds.get(k).asked().pattern())) {
          askedAs[k] = e;
          break;
        }
      }
    }
  }

  /** Reads the figures file in {@code factsDir}; a missing file means none. */
  public static Figures read(Path factsDir) throws IOException {
    Path file = factsDir.resolve(FILE);
    Map<String, Map<String, String>> fields = new LinkedHashMap<>();
    Map<String, Integer> firstLines = new LinkedHashMap<>();
    List<String> measures = new ArrayList<>();
    for (WordList.Line line : WordList.read(file)) {
      int colon = line.text().indexOf(':');
      if (colon <= 0) {
        throw new FactsFormatException(
            file, line.number(), EXPECTED + " or 'measures: word, word'");
      }
      String key = line.text().substring(0, colon).strip();
      String value = line.text().substring(colon + 1).strip();
      if (key.equals("measures")) {
        for (String word : COMMA.split(value, -1)) {
          if (!word.isBlank()) {
            measures.add(word.strip());
          }
        }
        continue;
      }
      String[] parts = key.split("\\s+", 2);
      if (parts.length == 2 && parts[1].equals(ASKED_FIRST_AS)) {
        // the questions another kind above asks, this kind ordering the answer by its own "given"
        String asked = fields.getOrDefault(value, Map.of()).get("asked");
        if (asked == null) {
          throw new FactsFormatException(
              file, line.number(), "'" + value + "' is not a kind with an 'asked' line above");
        }
        parts[1] = ASKED_FIRST;
        value = asked;
      }
      Where where = whereOf(parts);
      if (parts.length == 2
          && (parts[1].equals(ASKED_BESIDES)
              || parts[1].equals(ASKED_FIRST)
              || where != Where.ANYWHERE)) {
        fields.computeIfAbsent(parts[0], k -> new LinkedHashMap<>()).put(parts[1], "");
        parts[1] = parts[1].substring(0, parts[1].indexOf(' '));
      }
      if (parts.length != 2
          || !(FIELDS.contains(parts[1]) || parts[1].equals(GIVEN_AS))
          || value.isEmpty()) {
        throw new FactsFormatException(file, line.number(), EXPECTED + ", got '" + key + "'");
      }
      if (parts[1].equals(GIVEN_AS)) {
        StringBuilder union = new StringBuilder();
        for (String other : COMMA.split(value, -1)) {
          String given = fields.getOrDefault(other.strip(), Map.of()).get("given");
          if (given == null) {
            throw new FactsFormatException(
                file,
                line.number(),
                "'" + other.strip() + "' is not a kind with a 'given' line above");
          }
          union.append(union.isEmpty() ? "" : "|").append("(?:").append(given).append(')');
        }
        parts[1] = "given";
        value = union.toString();
      } else if (!parts[1].equals("name")) {
        try {
          Pattern.compile(value);
        } catch (PatternSyntaxException e) {
          throw new FactsFormatException(
              file, line.number(), "not a regular expression: " + e.getDescription());
        }
      }
      fields.computeIfAbsent(parts[0], k -> new LinkedHashMap<>()).put(parts[1], value);
      firstLines.putIfAbsent(parts[0], line.number());
    }
    List<Kind> kinds = new ArrayList<>();
    for (Map.Entry<String, Map<String, String>> kind : fields.entrySet()) {
      Map<String, String> f = kind.getValue();
      for (String field : FIELDS) {
        if (!f.containsKey(field)) {
          throw new FactsFormatException(
              file,
              firstLines.get(kind.getKey()),
              "figure '" + kind.getKey() + "' has no '" + field + "' line");
        }
      }
      int flags = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
      kinds.add(
          new Kind(
              kind.getKey(),
              f.get("name"),
              Pattern.compile(
                  nonCapturing(f.get("asked")), lowerCaseOnly(f.get("asked")) ? 0 : flags),
              Pattern.compile(f.get("given"), flags),
              f.containsKey(ASKED_BESIDES)
                  ? Asks.BESIDES
                  : f.containsKey(ASKED_FIRST) ? Asks.FIRST : Asks.FIGURE,
              whereGiven(f)));
    }
    return new Figures(kinds, measures);
  }

  /**
   * Returns {@code regex} with its groups made non-capturing ("(a|b)" as "(?:a|b)"): a question is
   * only tested against it, and each capturing group costs time at every place tried. A pattern
   * with a back-reference is left as it is.
   */
  static String nonCapturing(String regex) {
    if (regex.matches("(?s).*\\\\[1-9k].*")) {
      return regex;
    }
    StringBuilder out = new StringBuilder(regex.length() + 16);
    int classDepth = 0;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\' && i + 1 < regex.length() && regex.charAt(i + 1) == 'Q') {
        int end = regex.indexOf("\\E", i + 2);
        end = end < 0 ? regex.length() : end + 2;
        out.append(regex, i, end); // quoted: as it is
        i = end - 1;
        continue;
      }
      out.append(c);
      if (c == '\\' && i + 1 < regex.length()) {
        out.append(regex.charAt(++i));
      } else if (c == '[') {
        classDepth++;
      } else if (c == ']' && classDepth > 0) {
        classDepth--;
      } else if (classDepth == 0
          && c == '('
          && (i + 1 >= regex.length() || regex.charAt(i + 1) != '?')) {
        out.append("?:");
      }
    }
    return out.toString();
  }

  /**
   * Returns whether {@code regex} has no capital letter outside its escapes ({@code \\W}, {@code
   * \\p{Lu}}): matched against lower-cased text, as questions are, it needs no case folding, which
   * makes matching several times slower.
   */
  static boolean lowerCaseOnly(String regex) {
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\' && i + 1 < regex.length()) {
        char next = regex.charAt(++i);
        if ("uxcNQ0".indexOf(next) >= 0) {
          return false; // a character written by its code, or quoted: it may be a capital
        }
        if ((next == 'p' || next == 'P') && i + 1 < regex.length() && regex.charAt(i + 1) == '{') {
          int close = regex.indexOf('}', i);
          if (close < 0) {
            return false;
          }
          String property = regex.substring(i + 2, close);
          if (property.contains("Lu")
              || property.contains("Lt")
              || property.toLowerCase(Locale.ROOT).contains("upper")
              || property.toLowerCase(Locale.ROOT).contains("title")) {
            return false; // case folding makes these match lower-case letters too
          }
          i = close;
        }
      } else if (Character.isUpperCase(c) || (c == '(' && regex.startsWith("(?-i", i))) {
        return false;
      }
    }
    return true;
  }

  private static Where whereOf(String[] parts) {
    for (Where where : Where.values()) {
      if (parts.length == 2 && parts[1].equals(where.field)) {
        return where;
      }
    }
    return Where.ANYWHERE;
  }

  private static Where whereGiven(Map<String, String> fields) {
    for (Where where : Where.values()) {
      if (where != Where.ANYWHERE && fields.containsKey(where.field)) {
        return where;
      }
    }
    return Where.ANYWHERE;
  }

  /**
   * What a question asks of the kinds.
   *
   * @param figure the kind of figure it asks for (the first that matches), or null
   * @param details the details it asks for besides: all that match
   * @param first the details that put the statements giving them first: all that match
   */
  public record Asking(Kind figure, List<Kind> details, List<Kind> first) {

    public Asking {
      details = List.copyOf(details);
      first = List.copyOf(first);
    }
  }

  /**
   * An intensifier just after a question word, which asks what the word alone asks ("what exactly
   * is ByteDance building…?" asks what "what is ByteDance building…?" asks; Merriam-Webster,
   * exactly: "used as an intensive", "what exactly do you mean"; precisely, specifically alike).
   */
  private static final Pattern INTENSIFIED =
      Pattern.compile(
          "\\b(what|who|whom|when|where|which|why|how) (?:exactly|precisely|specifically)\\b");

  /** Returns {@code question} lower-cased, without an intensifier after a question word. */
  private static String asAsked(String question) {
    String lower = question.toLowerCase(Locale.ROOT);
    return lower.contains("ly") ? INTENSIFIED.matcher(lower).replaceAll("$1") : lower;
  }

  /** Returns what {@code question} asks of the kinds, read in one pass over them. */
  public Asking asking(String question) {
    String lower = asAsked(question);
    Kind figure = null;
    List<Kind> details = new ArrayList<>();
    List<Kind> first = new ArrayList<>();
    byte[] found = new byte[kinds.size()]; // 0 not scanned yet, 1 not found, 2 found
    for (int k = 0; k < kinds.size(); k++) {
      Kind kind = kinds.get(k);
      boolean wanted =
          switch (kind.asks()) {
            case FIGURE -> figure == null;
            case BESIDES, FIRST -> true;
          };
      int scan = askedAs[k];
      if (wanted && found[scan] == 0) {
        found[scan] = asked.get(scan).find(lower) ? (byte) 2 : (byte) 1;
      }
      if (wanted && found[scan] == 2) {
        switch (kind.asks()) {
          case FIGURE -> figure = kind;
          case BESIDES -> details.add(kind);
          case FIRST -> first.add(kind);
        }
      }
    }
    return new Asking(figure, details, first);
  }

  /**
   * Returns the words of {@code question} that ask for a kind of figure or a detail besides ("a
   * meaningful chunk of revenue" asks for a share): those in a match of the {@code asked} pattern
   * of the figure or a detail besides it asks for ({@link #asking}) that the pattern spells out.
   * What they ask is checked against the statements ({@link Asked}), not looked up among the
   * report's words. Lower-cased; {@code asking} is what {@link #asking} reads in it.
   */
  public Set<String> askingWords(String question, Asking asking) {
    if (asking.figure() == null && asking.details().isEmpty()) {
      return Set.of();
    }
    String lower = asAsked(question);
    List<Kind> asked = new ArrayList<>(asking.details());
    if (asking.figure() != null) {
      asked.add(asking.figure());
    }
    Set<String> words = new HashSet<>();
    for (Kind kind : asked) {
      Set<String> spelt = spelled.get(kinds.indexOf(kind));
      Matcher m = kind.asked().matcher(lower);
      while (m.find()) {
        Matcher w = WORD.matcher(m.group());
        while (w.find()) {
          if (spelt.contains(w.group())) {
            words.add(w.group());
          }
        }
      }
    }
    return words;
  }

  /**
   * Returns whether {@code word}, lower-cased, is spelled out by a kind's {@code asked} pattern,
   * and so may be a word asking for it ({@link #askingWords(String, Asking)}); most words are in
   * none.
   */
  public boolean mayAsk(String word) {
    return spelledByAny.contains(word);
  }

  private static final Pattern WORD = Pattern.compile("\\p{L}+");

  /** Returns the kind of figure {@code question} asks for, or null when it asks for none. */
  public Kind askedIn(String question) {
    return asking(question).figure();
  }

  /** Returns the details {@code question} asks for besides a kind of figure: all that match. */
  public List<Kind> detailsAskedIn(String question) {
    return asking(question).details();
  }

  /**
   * Returns the details {@code question} asks for that put the statements giving them first ("why"
   * asks for a reason): all that match.
   */
  public List<Kind> firstAskedIn(String question) {
    return asking(question).first();
  }

  /**
   * Returns the detail a question asks for when it asks to have a {@code noun} named that the
   * reports never use ("which committee…?"): no statement gives it.
   */
  static Kind named(String noun) {
    return new Kind(
        "named",
        "the " + noun.toLowerCase(Locale.ROOT),
        NEVER,
        NEVER,
        Asks.BESIDES,
        Where.ANYWHERE);
  }

  /** A pattern that matches nothing: what no question asks and no statement gives. */
  private static final Pattern NEVER = Pattern.compile("(?!)");

  /** Returns the kinds of figure {@code statement} gives. */
  public List<Kind> givenIn(String statement) {
    return kinds.stream().filter(kind -> kind.given().matcher(statement).find()).toList();
  }

  /** Returns the words that name what a figure measures, as written in the file. */
  public List<String> measures() {
    return measures;
  }
}
