package msftchina.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the question inside a longer Slack message: its sentences that ask something, rather than
 * the chatter around them (greetings, asides, links, who said what), whose words would otherwise
 * weigh as much as the question's.
 */
final class QuestionInMessage {

  /** A message of at most this many words is read whole. */
  static final int SHORT_MESSAGE_WORDS = 16;

  private static final Pattern SPACES = Pattern.compile("\\s+");

  /** The words a question opens with: an interrogative, an auxiliary, a request. */
  private static final String QUESTION_WORDS =
      "(?:who|whom|whose|what|what's|whats|when|where|why|how|which|is|are|was|were|do|does"
          + "|did|can|could|will|would|should|has|have|any|anyone|anybody|tell me|explain)\\b";

  private static final Pattern SENTENCE_END =
      Pattern.compile(
          "(?<=[.!?。？！])\\s+|(?<=[。？！])|\\s*\\n\\s*|\\s*:[a-z0-9_+'-]+:\\s*"
              + "|\\s*\\p{So}[\\p{So}\\x{FE0F}\\x{200D}\\s]*");
  private static final Pattern ASKS =
      Pattern.compile(
          "[?？]\\W*$|[吗呢]\\W*$|\\b(?:need to know|want to know|wondering|curious|any idea|"
              + "do you know|trying to (?:figure out|find out|understand))\\b"
              // a question embedded after a verb of asking or knowing (Quirk et al. 15.4)
              + "|\\bwhether\\b|\\b(?:ask|asks|asking|asked|wonder|wonders|wondered|check|checking"
              + "|confirm|confirming|find out|know|knows) (?:if|how|what|who|when|why|which|where)\\b"
              + "|^\\W*(?:so |and |but |also |ok |okay |anyway,? |quick q:? |q:? )?"
              + QUESTION_WORDS,
          Pattern.CASE_INSENSITIVE);

  private QuestionInMessage() {}

  /**
   * Returns the readings of {@code message} to try, best first: for a long message, its sentences
   * that ask something; then those with the sentence before each (the question may point back: "is
   * that right?"); then each asking sentence alone, when there are several; then the whole message;
   * then the asking sentences without the preamble before their question: what a dash or a comma
   * sets off, or what asks the question embedded after a verb of asking ("the client's GC asked
   * why…" from "why"). A short message is read whole, then without its preamble. Sentences end at
   * their punctuation, at line breaks and at emoji, as codes (":wave:") or as symbols ("🎉"), as
   * Slack messages do; the readings are raw text, still to be cleaned.
   */
  static List<String> readings(String message) {
    List<String> first = firstReadings(message);
    List<String> all = new ArrayList<>(first);
    all.addAll(lastReadings(message, first));
    return all;
  }

  /**
   * Returns the readings of {@code message} but the last ones, without the preambles: those, read
   * only when all of these refuse, are {@link #lastReadings}.
   */
  static List<String> firstReadings(String message) {
    String text = text(message);
    if (isShort(text)) {
      return List.of(text);
    }
    String[] sentences = SENTENCE_END.split(text);
    List<Integer> asking = asking(sentences);
    Set<String> readings = new LinkedHashSet<>();
    if (!asking.isEmpty() && asking.size() < sentences.length) {
      readings.add(join(sentences, asking, false));
      readings.add(join(sentences, asking, true));
    }
    if (asking.size() > 1) {
      // a message asking two things, of which the report may answer one
      asking.forEach(i -> readings.add(sentences[i].strip()));
    }
    readings.add(text);
    return List.copyOf(readings);
  }

  /**
   * Returns the last readings of {@code message}, those of its asking sentences without the
   * preamble before their question ("Hi team — ahead of the readout, can someone…?" from "can"),
   * but those already {@code read}.
   */
  static List<String> lastReadings(String message, List<String> read) {
    String text = text(message);
    String trimmed;
    if (isShort(text)) {
      trimmed = withoutPreamble(text);
    } else {
      String[] sentences = SENTENCE_END.split(text);
      List<String> questions = new ArrayList<>();
      for (int i : asking(sentences)) {
        questions.add(withoutPreamble(sentences[i].strip()));
      }
      trimmed = String.join("\n", questions);
    }
    return trimmed.isBlank() || read.contains(trimmed) ? List.of() : List.of(trimmed);
  }

  /** Returns {@code message} stripped, at most four times a question's characters. */
  private static String text(String message) {
    String text = message == null ? "" : message.strip();
    return text.length() > Question.MAX_CHARS * 4
        ? text.substring(0, Question.MAX_CHARS * 4)
        : text;
  }

  private static boolean isShort(String text) {
    return SPACES.split(Question.clean(text)).length <= SHORT_MESSAGE_WORDS;
  }

  /** Returns the positions of the {@code sentences} that ask something. */
  private static List<Integer> asking(String[] sentences) {
    List<Integer> asking = new ArrayList<>();
    for (int i = 0; i < sentences.length; i++) {
      if (ASKS.matcher(sentences[i].strip()).find()) {
        asking.add(i);
      }
    }
    return asking;
  }

  /**
   * A question's start after what sets a preamble off (a dash, a comma, a colon or a semicolon): an
   * interrogative, an auxiliary that opens a yes/no question, or a request; or the start of a
   * question embedded after a verb of asking or knowing ("asked why…", "wonders whether…").
   */
  private static final Pattern QUESTION_START =
      Pattern.compile(
          "(?:\\s[—–-]+\\s*|[—–,;:]\\s*)(?=" + QUESTION_WORDS + ")", Pattern.CASE_INSENSITIVE);

  /** The verbs of asking or knowing a question is embedded after, lower-cased. */
  private static final List<String> ASKING_VERBS =
      List.of("ask", "wonder", "check", "confirm", "find out", "know", "understand");

  /** The start of a question embedded after a verb of asking or knowing (Quirk et al. 15.4). */
  private static final Pattern EMBEDDED_START =
      Pattern.compile(
          "\\b(?:ask|asks|asking|asked|wonder|wonders|wondered|wondering|check|checking"
              + "|confirm|confirming|find out|know|knows|understand)\\s+"
              + "(?=(?:if|whether|how|what|who|when|why|which|where)\\b)",
          Pattern.CASE_INSENSITIVE);

  /**
   * Returns {@code sentence} from where its question starts after a preamble set off by a dash or a
   * comma ("Hi team — ahead of tomorrow's readout, can somebody summarize…?" from "can"), after the
   * verb of asking it is embedded after ("our GC asked why Microsoft can sell…" from "why"), or
   * from the "whether" that embeds it ("the chair wants a line on whether Microsoft…"): the
   * greeting, the occasion and who asks are not what it asks about.
   */
  static String withoutPreamble(String sentence) {
    int start = lastEnd(QUESTION_START, sentence);
    String lower = sentence.toLowerCase(Locale.ROOT);
    if (ASKING_VERBS.stream().anyMatch(lower::contains)) {
      start = Math.max(start, lastEnd(EMBEDDED_START, sentence));
    }
    // "whether" introduces a dependent yes/no interrogative clause wherever it stands ("the chair
    // wants a sentence on whether Microsoft is still…"), where "if" may be a condition (Quirk et
    // al. 15.4); no English word has it inside.
    if (lower.contains(WHETHER)) {
      start = Math.max(start, lastWhether(sentence));
    }
    return sentence.substring(start);
  }

  private static final String WHETHER = "whether";

  /**
   * Returns where the last "whether" of {@code sentence} starts, in any case, or -1: looked for in
   * the sentence itself, as its lower-cased copy may differ in length ("İ").
   */
  private static int lastWhether(String sentence) {
    for (int i = sentence.length() - WHETHER.length(); i >= 0; i--) {
      if (sentence.regionMatches(true, i, WHETHER, 0, WHETHER.length())) {
        return i;
      }
    }
    return -1;
  }

  /** Returns where the last match of {@code pattern} in {@code text} ends, or 0. */
  private static int lastEnd(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    int end = 0;
    while (m.find()) {
      end = m.end();
    }
    return end;
  }

  private static String join(String[] sentences, List<Integer> asking, boolean withBefore) {
    Set<Integer> chosen = new java.util.TreeSet<>(asking);
    if (withBefore) {
      asking.stream().filter(i -> i > 0).forEach(i -> chosen.add(i - 1));
    }
    StringBuilder out = new StringBuilder();
    chosen.forEach(i -> out.append(out.isEmpty() ? "" : "\n").append(sentences[i].strip()));
    return out.toString();
  }
}
