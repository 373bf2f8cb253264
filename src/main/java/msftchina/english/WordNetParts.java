package msftchina.english;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Builds {@link Parts}' table from WordNet 3.1 at build time ({@code mvn package} runs it in {@code
 * process-classes}): for every one-word lemma that is a verb, an adjective or an adverb, its parts
 * of speech, the most frequent first (by the SemCor tags of {@code cntlist}, then by the number of
 * senses); for a verb, its past tense and its third-person -s form; and every irregular verb form
 * of {@code verb.exc} (held, taken) marked {@code p}. A noun-only word has no line (it is a noun),
 * unless it ends in -ing or -ed ("spending", "meeting": a noun, not a participle).
 */
public final class WordNetParts {

  private static final Pattern SPACE = Pattern.compile(" ");
  private static final String POS = "nvar";
  private static final String[] FILES = {"noun", "verb", "adj", "adv"};

  /**
   * The English verbs whose past tense is their base form ("it cost", "they cut"), which WordNet's
   * exception lists can't show, since its rules of detachment need nothing to find them (the
   * invariable irregular verbs, as every dictionary lists them: e.g. Quirk et al., A Comprehensive
   * Grammar of the English Language, 1985, the irregular verbs whose three forms are identical).
   */
  static final Set<String> UNCHANGED_PAST =
      Set.of(
          "bet",
          "bid",
          "broadcast",
          "burst",
          "cast",
          "cost",
          "cut",
          "forecast",
          "hit",
          "hurt",
          "let",
          "put",
          "quit",
          "read",
          "rid",
          "set",
          "shed",
          "shut",
          "slit",
          "split",
          "spread",
          "thrust",
          "upset",
          "offset",
          "outbid",
          "reset",
          "preset",
          "input",
          "output",
          "beset",
          "recast",
          "undercut",
          "overcast",
          "typeset",
          "sublet",
          "telecast",
          "webcast",
          "podcast");

  /**
   * The verbs whose past is regular in current English although {@code verb.exc} lists an archaic
   * or literary one beside it ("worked", not "wrought"; "thrived", not "throve"), as
   * Merriam-Webster gives their past first.
   */
  static final Set<String> REGULAR_PAST =
      Set.of(
          "abide",
          "chide",
          "clothe",
          "dive",
          "geld",
          "gild",
          "gird",
          "heave",
          "reave",
          "reeve",
          "shrive",
          "sneak",
          "squeegee",
          "stave",
          "thrive",
          "work");

  private WordNetParts() {}

  /** Writes the table to the file {@code args[0]}. */
  public static void main(String[] args) throws IOException {
    Map<String, int[]> tags = new HashMap<>();
    for (String line : WordNetData.lines("cntlist")) {
      String[] f = SPACE.split(line, -1);
      int pct = f[1].indexOf('%');
      int type = f[1].charAt(pct + 1) - '0';
      tags.computeIfAbsent(f[1].substring(0, pct), k -> new int[4])[type == 5 ? 2 : type - 1] +=
          Integer.parseInt(f[0]);
    }
    Map<String, int[]> senses = new HashMap<>();
    for (int i = 0; i < FILES.length; i++) {
      for (String line : WordNetData.lines("index." + FILES[i])) {
        if (!line.isEmpty() && line.charAt(0) != ' ') {
          String[] f = SPACE.split(line, 4);
          if (oneWord(f[0])) {
            senses.computeIfAbsent(f[0], k -> new int[4])[i] = Integer.parseInt(f[2]);
          }
        }
      }
    }
    Map<String, Set<String>> forms = new HashMap<>();
    Set<String> irregular = new LinkedHashSet<>();
    for (String line : WordNetData.lines("verb.exc")) {
      String[] f = SPACE.split(line.strip(), -1);
      if (f.length > 1 && oneWord(f[0]) && oneWord(f[1])) {
        forms.computeIfAbsent(f[1], k -> new LinkedHashSet<>()).add(f[0]);
        irregular.add(f[0]);
      }
    }
    Map<String, String> rows = new TreeMap<>();
    senses.forEach(
        (word, counts) -> {
          String parts = parts(tags.getOrDefault(word, new int[4]), counts);
          if (!parts.equals("n") || word.endsWith("ing") || word.endsWith("ed")) {
            rows.put(word, parts); // a noun in -ing or -ed is listed: spending is no participle
          }
        });
    irregular.forEach(form -> rows.merge(form, "p", (a, b) -> a + b));
    Path out = Path.of(args[0]);
    Files.createDirectories(out.getParent());
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      w.write(
          "# Parts of speech of English words, most frequent first, and verbs' past and -s forms:"
              + " WordNet 3.1 (Princeton University, WordNet License), made by WordNetParts\n");
      for (Map.Entry<String, String> row : rows.entrySet()) {
        String word = row.getKey();
        String parts = row.getValue();
        w.write(word + " " + parts);
        if (parts.indexOf('v') >= 0) {
          Set<String> own = forms.getOrDefault(word, Set.of());
          String past = past(word, own);
          w.write(" " + (past == null ? "-" : past) + " " + third(word, own));
        }
        w.write('\n');
      }
    }
  }

  /** Returns the parts of speech with senses, most tagged first, then with most senses. */
  private static String parts(int[] tagged, int[] senses) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      if (senses[i] > 0) {
        order.add(i);
      }
    }
    order.sort(Comparator.<Integer>comparingInt(i -> -tagged[i]).thenComparingInt(i -> -senses[i]));
    StringBuilder s = new StringBuilder();
    order.forEach(i -> s.append(POS.charAt(i)));
    return s.toString();
  }

  /**
   * Returns the past tense of {@code verb}, whose irregular forms are {@code own}, or null when
   * they don't tell it: an invariable verb's base; a regular one's -ed form; else the one irregular
   * form that is no -ing form and no past participle (gone, taken, shown, begun beside began).
   */
  static String past(String verb, Set<String> own) {
    if (UNCHANGED_PAST.contains(verb)) {
      return verb;
    }
    if (REGULAR_PAST.contains(verb) || own.stream().anyMatch(f -> spelledWithT(verb, f))) {
      return Inflections.regularPast(verb); // learned beside learnt, spelled beside spelt
    }
    List<String> pasts =
        own.stream()
            .filter(f -> !f.endsWith("ing") && !f.equals(third(verb, Set.of())))
            .filter(f -> !(f.endsWith("s") && !f.endsWith("ss")))
            .toList();
    if (pasts.isEmpty()) {
      return own.stream().anyMatch(f -> f.endsWith("ing")) || own.isEmpty()
          ? Inflections.regularPast(verb)
          : null; // only a past participle is listed (shown): its past isn't known
    }
    List<String> ed = pasts.stream().filter(f -> f.endsWith("ed")).toList();
    if (ed.size() == 1) {
      return ed.get(0);
    }
    List<String> finite =
        pasts.stream()
            .filter(f -> !f.endsWith("en") && !f.endsWith("wn") && !f.endsWith("ne"))
            .filter(f -> !pasts.contains(f.replaceFirst("u(?=[^u]*$)", "a")) || !f.contains("u"))
            .toList();
    return finite.size() == 1 ? finite.get(0) : null;
  }

  /**
   * Returns whether {@code form} is {@code verb}'s past spelt with a final t for -ed (learnt,
   * spelt, blest, curst), a variant of its regular past, which current English writes first.
   */
  private static boolean spelledWithT(String verb, String form) {
    String stem =
        verb.length() > 2 && verb.charAt(verb.length() - 1) == verb.charAt(verb.length() - 2)
            ? verb.substring(0, verb.length() - 1)
            : verb.endsWith("e") ? verb.substring(0, verb.length() - 1) : verb;
    return form.equals(verb + "t") || form.equals(stem + "t");
  }

  /** Returns the third-person singular present of {@code verb} (has, goes, testifies). */
  static String third(String verb, Set<String> own) {
    for (String f : own) {
      if (f.endsWith("s") && !f.endsWith("ss") && !f.endsWith("ed")) {
        return f; // has
      }
    }
    return Inflections.regularThird(verb);
  }

  private static boolean oneWord(String word) {
    return !word.isEmpty() && word.chars().allMatch(c -> c >= 'a' && c <= 'z');
  }
}
