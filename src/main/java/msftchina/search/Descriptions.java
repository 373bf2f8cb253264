package msftchina.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import msftchina.facts.FactsFormatException;
import msftchina.facts.WordList;
import org.apache.lucene.analysis.CharArraySet;

/**
 * What the report's entities are known by (a report's {@code descriptions.txt}: their city,
 * founders, line of business), read where a question describes a company instead of naming it: "the
 * Shenzhen gaming and social company" is Tencent, "the Seattle-area tech giant" Microsoft, "the
 * company Bill Gates founded" Microsoft. A description names its entity only beside a noun for a
 * company, in a definite phrase ("the …", or one with a proper name: "Jack Ma's fintech affiliate";
 * "a payments firm" is any), and only when one entity has every description of the phrase: "the
 * Shenzhen gaming and social company" is Tencent, though ByteDance is social too.
 *
 * <p>NOTE: immutable, safe for concurrent use.
 */
final class Descriptions {

  /** The report's file of descriptions. */
  static final String FILE = "descriptions.txt";

  /**
   * English's nouns for a company or organisation, the head of a phrase describing one
   * (Merriam-Webster's synonyms of "company" and "business", and the press's "giant", "player").
   */
  static final Set<String> COMPANY_NOUNS =
      Set.of(
          "company",
          "firm",
          "giant",
          "group",
          "player",
          "platform",
          "affiliate",
          "conglomerate",
          "outfit",
          "business",
          "heavyweight",
          "startup",
          "corporation",
          "corp",
          "titan",
          "behemoth",
          "powerhouse",
          "operator",
          "provider",
          "app",
          "lab",
          "maker",
          "owner",
          "juggernaut");

  /** The verbs of founding and leading in "the company Bill Gates founded". */
  static final Set<String> FOUNDING_VERBS =
      Set.of(
          "founded",
          "started",
          "created",
          "built",
          "runs",
          "ran",
          "leads",
          "led",
          "heads",
          "co-founded",
          "cofounded",
          "set");

  /**
   * Words that may stand between the descriptions and the noun: "and", "Chinese", and the nouns of
   * an industry used before a company noun ("tech", "software", "cloud": Merriam-Webster's
   * attributive uses, "a software company").
   */
  private static final Set<String> BETWEEN =
      Set.of(
          "and",
          "&",
          "or",
          "tech",
          "technology",
          "internet",
          "software",
          "cloud",
          "computing",
          "ai",
          "digital",
          "online",
          "e-commerce",
          "ecommerce",
          "chinese",
          "china",
          "china-based",
          "american",
          "us",
          "big",
          "biggest",
          "large",
          "largest",
          "huge",
          "major",
          "giant",
          "mega",
          "parent",
          "based",
          "area",
          "headquartered",
          "giants");

  /** Words that end a description's phrase going back from its noun. */
  private static final Set<String> PHRASE_STARTS =
      Set.of("the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her");

  private static final String BREAKS = ",.;:!?()\"";
  private static final List<String> SUFFIXES = List.of("-based", "-area", "-headquartered");

  /** The descriptions, lower-cased, as lists of words, to the entities each describes. */
  private final Map<List<String>, Set<String>> entities;

  private final int longest;

  /** The entities described, each with its name's words, lower-cased. */
  private final Map<String, List<String>> names = new HashMap<>();

  /** The entities described by the first word of their name. */
  private final Map<String, List<String>> byFirstWord = new HashMap<>();

  /** The company nouns and the first words of the described entities' names, case ignored. */
  private final CharArraySet triggers;

  private Descriptions(Map<List<String>, Set<String>> entities) {
    this.entities = Map.copyOf(entities);
    entities.values().forEach(of -> of.forEach(e -> names.put(e, words(e))));
    names.forEach(
        (entity, words) ->
            byFirstWord.computeIfAbsent(words.get(0), w -> new ArrayList<>()).add(entity));
    triggers = new CharArraySet(COMPANY_NOUNS, true);
    triggers.addAll(byFirstWord.keySet());
    this.longest = entities.keySet().stream().mapToInt(List::size).max().orElse(0);
  }

  /** No descriptions. */
  static final Descriptions NONE = new Descriptions(Map.of());

  /** Reads {@code file}, or returns {@link #NONE} when there is none. */
  static Descriptions read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return NONE;
    }
    Map<List<String>, Set<String>> entities = new HashMap<>();
    for (WordList.Line line : WordList.read(file)) {
      int eq = line.text().indexOf('=');
      if (eq <= 0) {
        throw new FactsFormatException(file, line.number(), "expected 'name = description, ...'");
      }
      String entity = line.text().substring(0, eq).strip();
      for (String description : line.text().substring(eq + 1).split(",", -1)) {
        List<String> words = words(description);
        if (words.isEmpty()) {
          throw new FactsFormatException(file, line.number(), "empty description of " + entity);
        }
        entities.computeIfAbsent(words, w -> new java.util.TreeSet<>()).add(entity);
      }
    }
    return new Descriptions(entities);
  }

  /** Returns {@code text} with each description of one entity replaced by the entity's name. */
  String rewrite(String text) {
    if (entities.isEmpty() || !mayDescribe(text)) {
      return text;
    }
    List<Token> tokens = tokens(text);
    StringBuilder out = new StringBuilder();
    int at = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token head = tokens.get(i);
      if (head.start() < at) {
        continue;
      }
      String named = nameAt(tokens, i);
      if (named != null) {
        // the entity itself, described as well ("Satya Nadella's Microsoft"): the description
        // says nothing more
        Span before = describedBefore(text, tokens, i);
        if (before != null && before.entity().equals(named) && before.from() >= at) {
          out.append(text, at, before.from()).append(' ');
          at = head.start();
        }
        continue;
      }
      if (!COMPANY_NOUNS.contains(head.word())) {
        continue;
      }
      Span before = describedBefore(text, tokens, i);
      Span after = before == null ? describedAfter(text, tokens, i) : null;
      Span span = before != null ? before : after;
      if (span != null && span.from() >= at) {
        out.append(text, at, span.from()).append(' ').append(span.entity()).append(' ');
        at = span.to();
      }
    }
    return out.append(text, at, text.length()).toString();
  }

  /**
   * Returns whether {@code text} has a noun for a company or the first word of a described entity's
   * name, without making its words (most questions have neither).
   */
  private boolean mayDescribe(String text) {
    char[] chars = text.toCharArray();
    int i = 0;
    while (i < chars.length) {
      if (!inWord(chars[i])) {
        i++;
        continue;
      }
      int start = i;
      while (i < chars.length && inWord(chars[i])) {
        i++;
      }
      int end = i;
      if (end - start > 2
          && (chars[end - 1] == 's' || chars[end - 1] == 'S')
          && isApostrophe(chars[end - 2])) {
        end -= 2;
      } else if (end - start > 1 && isApostrophe(chars[end - 1])) {
        end--; // "Gates'"
      }
      if (triggers.contains(chars, start, end - start)) {
        return true;
      }
    }
    return false;
  }

  /** Returns the entity whose name starts at {@code tokens[i]}, or null. */
  private String nameAt(List<Token> tokens, int i) {
    List<String> named = byFirstWord.get(tokens.get(i).word());
    if (named == null) {
      return null;
    }
    for (String entity : named) {
      List<String> words = names.get(entity);
      if (i + words.size() <= tokens.size() && words.equals(words(tokens, i, words.size()))) {
        return entity;
      }
    }
    return null;
  }

  /** A stretch of text describing {@code entity}. */
  private record Span(int from, int to, String entity) {}

  /** A word of the text, lower-cased and without "-based", and where it stands. */
  private record Token(String word, int start, int end) {}

  /**
   * Returns the description before the company noun {@code tokens[i]} ("the Shenzhen gaming
   * company"), or null: descriptions and the words that may stand between, back to the start of the
   * phrase, all of one entity.
   */
  private Span describedBefore(String text, List<Token> tokens, int i) {
    Set<String> described = null;
    boolean proper = false;
    int from = -1;
    int j = i - 1;
    while (j >= 0 && !broken(text, tokens.get(j), tokens.get(j + 1))) {
      String word = tokens.get(j).word();
      if (PHRASE_STARTS.contains(word)) {
        break;
      }
      int length = 0;
      for (int n = Math.min(longest, j + 1); n >= 1 && length == 0; n--) {
        Set<String> of = entities.get(words(tokens, j - n + 1, n));
        if (of != null && !partOfLongerName(text, tokens, j - n + 1)) {
          length = n;
          described = described == null ? new HashSet<>(of) : described;
          described.retainAll(of);
          proper |= Character.isUpperCase(text.codePointAt(tokens.get(j - n + 1).start()));
        }
      }
      if (length > 0) {
        j -= length;
        from = tokens.get(j + 1).start();
      } else if (BETWEEN.contains(word)) {
        j--;
      } else {
        break;
      }
    }
    boolean definite = j >= 0 && tokens.get(j).word().equals("the");
    return from >= 0 && described.size() == 1 && (definite || proper)
        ? new Span(from, tokens.get(i).end(), described.iterator().next())
        : null;
  }

  /**
   * Returns whether the capitalised word {@code tokens[k]} continues a name begun by the
   * capitalised word before it ("Altman" in "Sam Altman"), which is then another name: not the
   * first word of a sentence ("Does Jack Ma's…").
   */
  private static boolean partOfLongerName(String text, List<Token> tokens, int k) {
    return k >= 2
        && Character.isUpperCase(text.codePointAt(tokens.get(k).start()))
        && Character.isUpperCase(text.codePointAt(tokens.get(k - 1).start()))
        && !broken(text, tokens.get(k - 1), tokens.get(k))
        && !broken(text, tokens.get(k - 2), tokens.get(k - 1));
  }

  private static boolean broken(String text, Token first, Token next) {
    return hasBreak(text, first.end(), next.start());
  }

  /**
   * Returns the description after the company noun {@code tokens[i]} ("the company Bill Gates
   * founded", "the company that Jack Ma built"), or null.
   */
  private Span describedAfter(String text, List<Token> tokens, int i) {
    int j = i + 1;
    if (j < tokens.size() && Set.of("that", "which", "whose").contains(tokens.get(j).word())) {
      j++;
    }
    for (int length = Math.min(longest, tokens.size() - j); length >= 1; length--) {
      Set<String> of = entities.get(words(tokens, j, length));
      if (of != null
          && of.size() == 1
          && i > 0
          && tokens.get(i - 1).word().equals("the")
          && j + length < tokens.size()
          && FOUNDING_VERBS.contains(tokens.get(j + length).word())
          && !hasBreak(text, tokens.get(i).end(), tokens.get(j + length).start())) {
        return new Span(tokens.get(i).start(), tokens.get(j + length).end(), of.iterator().next());
      }
    }
    return null;
  }

  private static List<String> words(List<Token> tokens, int from, int length) {
    List<String> words = new ArrayList<>(length);
    for (int k = from; k < from + length; k++) {
      words.add(tokens.get(k).word());
    }
    return words;
  }

  private static List<Token> tokens(String text) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (!Character.isLetterOrDigit(c) && c != '&') {
        i++;
        continue;
      }
      int start = i;
      while (i < text.length() && inWord(text.charAt(i))) {
        i++;
      }
      String word = text.substring(start, i).toLowerCase(Locale.ROOT).replace('’', '\'');
      if (word.endsWith("'s")) {
        word = word.substring(0, word.length() - 2);
      } else if (word.length() > 1 && word.endsWith("'")) {
        word = word.substring(0, word.length() - 1); // the possessive of a name in s: "Gates'"
      }
      for (String suffix : SUFFIXES) {
        if (word.length() > suffix.length() && word.endsWith(suffix)) {
          word = word.substring(0, word.length() - suffix.length());
          break;
        }
      }
      tokens.add(new Token(word, start, i));
    }
    return tokens;
  }

  private static boolean isApostrophe(char c) {
    return c == '\'' || c == '’';
  }

  private static boolean inWord(char c) {
    return Character.isLetterOrDigit(c) || c == '\'' || c == '’' || c == '&' || c == '-';
  }

  /** Whether {@code text} has a mark that ends a phrase ("," "." "?"). */
  private static boolean hasBreak(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (BREAKS.indexOf(text.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** Returns the words of {@code description} as a question's are read ({@link #tokens}). */
  private static List<String> words(String description) {
    return tokens(description).stream().map(Token::word).toList();
  }
}
