package msftchina.search;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import msftchina.english.Parts;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * A user's question made safe to search: Slack markup reduced to its words, invisible and control
 * characters removed, and the length capped.
 */
public final class Question {

  /** The most characters of a question that are searched; the rest is ignored. */
  public static final int MAX_CHARS = 2000;

  private static final Pattern LABELLED_REFERENCE = Pattern.compile("<[@#!][^>]*\\|([^>]*)>");
  private static final Pattern REFERENCE = Pattern.compile("<[@#!][^>]*>");
  private static final Pattern LABELLED_LINK =
      Pattern.compile("<(?:https?|mailto):[^>|]*\\|([^>]*)>");
  private static final Pattern LINK = Pattern.compile("<((?:https?|mailto):[^>]*)>");
  private static final Pattern INVISIBLE =
      Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cs}\\uFFFD]+");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final String APOSTROPHE_S = "['\u2019\uFF07][sS](?![\\p{L}\\p{N}])";
  private static final Pattern POSSESSIVE = Pattern.compile("(?<=\\p{L})" + APOSTROPHE_S);

  /** "our" or "my" and the (up to three) words after it, read ahead so that each is found. */
  private static final Pattern ASKERS_OWN =
      Pattern.compile(
          "(?<![\\p{L}'’])(?:our|my)\\s+(?=((?:[\\p{L}'’-]+\\s+){0,2}[\\p{L}'’-]+))",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** English's suffix of regard: "revenue-wise" is "as to revenue" (Merriam-Webster, "-wise"). */
  private static final Pattern REGARD = Pattern.compile("(?<=\\p{L})-wise\\b");

  private static final Pattern POSSESSOR =
      Pattern.compile("(\\p{L}[\\p{L}\\p{N}]*)" + APOSTROPHE_S);

  private Question() {}

  /** Returns the searchable text of {@code raw}: never null, possibly empty. */
  public static String clean(String raw) {
    if (raw == null) {
      return "";
    }
    String s = raw.length() > MAX_CHARS * 4 ? raw.substring(0, MAX_CHARS * 4) : raw;
    s = Normalizer.normalize(s, Normalizer.Form.NFKC);
    if (s.indexOf('<') >= 0) {
      s = LABELLED_REFERENCE.matcher(s).replaceAll("$1"); // <#C123|general>, <!subteam^S1|@team>
      s = REFERENCE.matcher(s).replaceAll(" "); // <@U123>, <!here>
      s = LABELLED_LINK.matcher(s).replaceAll("$1"); // <https://x|label>
      s = LINK.matcher(s).replaceAll("$1");
    }
    s = s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    // Control, format (zero-width, bidi marks), private-use and unpaired surrogate characters.
    s = INVISIBLE.matcher(s).replaceAll(" ");
    s = SPACES.matcher(s).replaceAll(" ").strip();
    if (s.length() > MAX_CHARS) {
      int cut = MAX_CHARS;
      if (Character.isHighSurrogate(s.charAt(cut - 1))) {
        cut--;
      }
      s = s.substring(0, cut);
    }
    return s;
  }

  /** Returns the words of {@code text} that own something ("Kuaishou's revenue"), lower-cased. */
  public static Set<String> possessors(String text) {
    Set<String> owners = new HashSet<>();
    Matcher m = POSSESSOR.matcher(text);
    while (m.find()) {
      owners.add(m.group(1).toLowerCase(Locale.ROOT));
    }
    return owners;
  }

  /**
   * Returns the words, lower-cased, of what {@code text} says is the asker's own: the noun phrase
   * after "our" or "my" ("our benefits", "my team's expense policy"), up to the first word that is
   * not most often a noun or an adjective (a verb, a participle, an adverb, a function word). A
   * report speaks of no reader's own things: "do our benefits cover…" is about the asker's
   * benefits, whatever the report says of a benefit.
   */
  public static Set<String> askersOwn(String text) {
    Set<String> own = new HashSet<>();
    Matcher m = ASKERS_OWN.matcher(text);
    while (m.find()) {
      for (String word : SPACES.split(m.group(1), -1)) {
        String w = withoutPossessives(word).toLowerCase(Locale.ROOT);
        if (w.isEmpty()
            || EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(w)
            || "na".indexOf(Parts.of(w).charAt(0)) < 0
            || Parts.isParticiple(w)) {
          break;
        }
        own.add(w);
      }
    }
    return own;
  }

  /** Returns {@code text} without the suffix of regard: "revenue-wise" becomes "revenue". */
  public static String withoutRegard(String text) {
    return text.indexOf("-wise") < 0 ? text : REGARD.matcher(text).replaceAll("");
  }

  /** Returns {@code text} without possessive endings: "Microsoft's" becomes "Microsoft". */
  public static String withoutPossessives(String text) {
    return POSSESSIVE.matcher(text).replaceAll("");
  }
}
