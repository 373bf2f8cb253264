package msftchina.english;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The inflected forms of a WordNet lemma, the inverse of WordNet's rules of detachment ("morphy")
 * and its exception lists: a noun's plural, a verb's -s, -ing and -ed forms, an adjective's
 * comparative and superlative. A phrase inflects its head: a noun phrase its last word (policy
 * makers), a verb phrase its first (shelling out). Used at build time by {@link WordNetSenses}.
 */
final class Inflections {

  private Inflections() {}

  /**
   * Returns {@code lemma} and its forms as a {@code pos} ('n', 'v', 'a', 'r'), irregular ones
   * first.
   */
  static Set<String> of(String lemma, char pos, WordNetData wordNet) {
    Set<String> forms = new LinkedHashSet<>();
    forms.add(lemma);
    forms.addAll(wordNet.irregular(lemma, pos));
    int space = lemma.indexOf(' ');
    boolean verb = pos == 'v';
    String head =
        space < 0
            ? lemma
            : verb ? lemma.substring(0, space) : lemma.substring(lemma.lastIndexOf(' ') + 1);
    String before = space < 0 || verb ? "" : lemma.substring(0, lemma.lastIndexOf(' ') + 1);
    String after = space < 0 || !verb ? "" : lemma.substring(space);
    if (space >= 0) {
      wordNet.irregular(head, pos).forEach(form -> forms.add(before + form + after));
    }
    boolean irregular = !wordNet.irregular(head, pos).isEmpty();
    for (String form : regular(head, pos, irregular)) {
      forms.add(before + form + after);
    }
    return forms;
  }

  /**
   * The regular forms of one word; a word with irregular forms gets no regular past or plural
   * (went, not goed), a plural noun no second plural, an adjective a comparative only when short
   * and not already one (bigger, not biggerer).
   */
  private static Set<String> regular(String word, char pos, boolean irregular) {
    Set<String> out = new LinkedHashSet<>();
    if (word.length() < 2 || !word.chars().allMatch(Character::isLetter)) {
      return out;
    }
    switch (pos) {
      case 'n' -> {
        if (!irregular && !(word.endsWith("s") && !word.endsWith("ss"))) {
          out.add(plural(word));
        }
      }
      case 'v' -> {
        out.add(regularThird(word));
        out.add(suffix(word, "ing"));
        if (!irregular) {
          out.add(suffix(word, "ed"));
        }
      }
      case 'a' -> {
        if (!irregular && word.length() <= 6 && !word.endsWith("er") && !word.endsWith("est")) {
          out.add(suffix(word, "er"));
          out.add(suffix(word, "est"));
        }
      }
      default -> {}
    }
    return out;
  }

  /** Returns the regular past tense of the verb {@code word} (testified, planned, opened). */
  static String regularPast(String word) {
    return suffix(word, "ed");
  }

  /** Returns the regular third-person singular present of the verb {@code word} (goes, spends). */
  static String regularThird(String word) {
    return word.endsWith("o") ? word + "es" : plural(word);
  }

  private static String plural(String word) {
    if (word.endsWith("s")
        || word.endsWith("x")
        || word.endsWith("z")
        || word.endsWith("ch")
        || word.endsWith("sh")) {
      return word + "es";
    }
    if (word.endsWith("y") && !isVowel(word.charAt(word.length() - 2))) {
      return word.substring(0, word.length() - 1) + "ies";
    }
    return word + "s";
  }

  /** Adds a suffix starting with a vowel: drops a final e, turns a final y to i, doubles CVC. */
  private static String suffix(String word, String suffix) {
    char last = word.charAt(word.length() - 1);
    if (last == 'e' && !word.endsWith("ee")) {
      return word.substring(0, word.length() - 1) + suffix;
    }
    if (last == 'y' && !isVowel(word.charAt(word.length() - 2)) && !suffix.equals("ing")) {
      return word.substring(0, word.length() - 1) + "i" + suffix;
    }
    if (doubles(word)) {
      return word + last + suffix;
    }
    return word + suffix;
  }

  /** A one-syllable word ending consonant, vowel, consonant doubles its last letter (drop, big). */
  private static boolean doubles(String word) {
    int n = word.length();
    if (n < 3 || n > 4) {
      return false;
    }
    char c = word.charAt(n - 1);
    return !isVowel(c)
        && "wxy".indexOf(c) < 0
        && isVowel(word.charAt(n - 2))
        && !isVowel(word.charAt(n - 3))
        && word.chars().filter(ch -> isVowel((char) ch)).count() == 1;
  }

  private static boolean isVowel(char c) {
    return "aeiou".indexOf(c) >= 0;
  }
}
