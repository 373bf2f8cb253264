package msftchina.english;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a direct wh-question into the indirect question a sentence can embed ("when did Brad Smith
 * testify?" → "when Brad Smith testified"), by English grammar rather than per-question rules: an
 * auxiliary do moves back into its verb, inflected for tense and person (did testify → testified,
 * does use → uses, the forms from WordNet); any other auxiliary (is, was, has, will) moves back
 * after the subject (where the meeting was held, who Microsoft's president is); a question whose
 * wh-phrase is its subject (who testified?) keeps its order (Quirk et al., A Comprehensive Grammar
 * of the English Language, 1985, 15.3-15.6: dependent wh-interrogative clauses have no
 * subject-operator inversion).
 *
 * <p>Only a question it can reword safely is reworded: one short sentence of plain words starting
 * with its wh-word, with one clause and no negation. Anything else (a long or chatty message,
 * Chinese, several clauses, a verb it can't inflect) gives nothing, and the caller keeps its own
 * wording: a wrong-looking sentence is worse than a plainer one.
 *
 * <p>NOTE: stateless, safe for concurrent use.
 */
public final class IndirectQuestion {

  /** The most words a question it rewords may have. */
  static final int MAX_WORDS = 16;

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9$%&'’. -]+");
  private static final Pattern WORD =
      Pattern.compile("(?:[A-Za-z0-9$%&]+(?:['’.-][A-Za-z0-9$%&]+)*['’]?|(?:[A-Za-z]\\.){2,})");
  private static final Pattern SPACES = Pattern.compile(" +");
  private static final Set<String> WH =
      Set.of("when", "where", "why", "how", "who", "whom", "whose", "what", "which");
  private static final Set<String> DO = Set.of("do", "does", "did");
  private static final Set<String> BE = Set.of("is", "are", "was", "were", "'s", "’s");
  private static final Set<String> HAVE = Set.of("has", "have", "had");
  private static final Set<String> MODAL =
      Set.of("will", "would", "can", "could", "should", "may", "might", "must", "shall");

  /** The determiners and possessive pronouns, which a noun follows, never a verb. */
  private static final Set<String> DETERMINERS =
      Set.of(
          "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our",
          "my", "your", "some", "any", "each", "every", "no", "all", "both", "another", "other");

  /** The prepositions, which a noun phrase follows, never a verb. */
  private static final Set<String> PREPOSITIONS =
      Set.of(
          "of", "in", "on", "at", "with", "for", "from", "to", "by", "about", "into", "over",
          "under", "between", "across", "near", "during", "since", "after", "before", "through",
          "against", "among", "per", "via", "within", "without", "around", "than", "as", "like");

  /**
   * The pronouns of the asker and the bot: "what do you know?" asks the bot, which no report's
   * silence answers.
   */
  private static final Set<String> PERSONAL = Set.of("i", "me", "you", "u", "we", "us", "ya");

  private IndirectQuestion() {}

  /**
   * Returns {@code question} as an indirect question, its words as typed but for the order, the
   * inflected verb and the first word's capital, or empty when it can't be reworded safely.
   */
  public static Optional<String> of(String question) {
    String q = question == null ? "" : question.strip();
    while (q.endsWith("?")) {
      q = q.substring(0, q.length() - 1).strip();
    }
    if (q.isEmpty() || !PLAIN.matcher(q).matches()) {
      return Optional.empty();
    }
    List<String> typed = new ArrayList<>(Arrays.asList(SPACES.split(q)));
    String first = typed.get(0);
    if (typed.size() < 2
        || typed.size() > MAX_WORDS
        || !typed.stream().allMatch(w -> WORD.matcher(w).matches())
        || !(first.equals(lower(first)) || first.equals(capitalised(lower(first))))) {
      return Optional.empty(); // WHEN DID…: shouting, whose words can't be told apart
    }
    typed.set(0, lower(first));
    List<String> words = new ArrayList<>(typed);
    int apostrophe = Math.max(first.indexOf('\''), first.indexOf('’'));
    if (apostrophe > 0) {
      if (!BE.contains(first.substring(apostrophe))) {
        return Optional.empty(); // who've, what're
      }
      words.set(0, lower(first.substring(0, apostrophe)));
      words.add(1, first.substring(apostrophe)); // what's → what 's
    }
    if (!WH.contains(words.get(0))
        || words.stream().anyMatch(w -> lower(w).equals("not") || lower(w).endsWith("n't"))) {
      return Optional.empty();
    }
    return Optional.ofNullable(reword(words, typed)).map(w -> String.join(" ", w));
  }

  /**
   * Returns the words of the indirect question of {@code words} (as {@code typed}, but with a
   * contracted is apart), or null when it can't be reworded safely.
   */
  private static List<String> reword(List<String> words, List<String> typed) {
    String wh = words.get(0);
    int n = words.size();
    int i = wh.equals("how") && !isAuxiliary(words.get(1)) ? 2 : 1; // how much, how big
    while (i < n && i <= 5 && !isAuxiliary(words.get(i)) && !finite(words.get(i), i > 1)) {
      i++;
    }
    if (i >= n - 1
        || i > 5
        || (i > 1 && Set.of("when", "where", "why", "who", "whom").contains(wh))) {
      return null;
    }
    List<String> phrase = words.subList(0, i);
    if (phrase.stream().skip(1).anyMatch(w -> WH.contains(lower(w)))) {
      return null;
    }
    String aux = lower(words.get(i));
    boolean subjectAsked = !Set.of("when", "where", "why").contains(wh) && !isHowAdverb(phrase);
    if (!isAuxiliary(aux)) {
      // The wh-phrase is the subject (who testified?): the order stays.
      return subjectAsked && clean(words.subList(i + 1, n)) ? typed : null;
    }
    boolean be = BE.contains(aux);
    if ((be || HAVE.contains(aux)) && subjectAsked && startsPredicate(words, i + 1)) {
      return clean(words.subList(i + 1, n)) ? typed : null; // who is responsible for…
    }
    if (be && nounIn(phrase) && !DETERMINERS.contains(lower(words.get(i + 1)))) {
      return null; // which companies are microsoft customers?: which is the subject, unclear
    }
    boolean doOrModal = DO.contains(aux) || MODAL.contains(aux);
    int verb = doOrModal ? mainVerb(words, i + 2) : predicate(words, i + 2);
    List<String> subject = words.subList(i + 1, verb < 0 ? n : verb);
    List<String> rest = verb < 0 ? List.of() : words.subList(verb, n);
    boolean weakVerb = doOrModal && verb >= 0 && !Parts.isMostlyVerb(words.get(verb));
    if (!subjectOk(subject, weakVerb)
        || !clean(rest.isEmpty() ? rest : rest.subList(1, rest.size()))
        || (!doOrModal && !rest.isEmpty() && !gapKept(wh, words, verb))) {
      return null;
    }
    List<String> out = new ArrayList<>(phrase);
    out.addAll(subject);
    if (DO.contains(aux)) {
      String lemma = lower(rest.get(0));
      String inflected =
          aux.equals("did") ? Parts.past(lemma) : aux.equals("does") ? Parts.third(lemma) : lemma;
      if (inflected == null) {
        return null;
      }
      out.add(inflected);
      out.addAll(rest.subList(1, rest.size()));
      return out;
    }
    if (verb < 0
        && (!be || wh.equals("why") || phrase.equals(List.of("how")) || !nounPhrase(subject))) {
      return null; // "what has Tencent?", "why is Microsoft in China?": keep the old words
    }
    out.add(aux.startsWith("'") || aux.startsWith("’") ? "is" : words.get(i));
    out.addAll(rest);
    return out;
  }

  /**
   * Returns whether the question keeps the gap its wh-word asks to fill once its -ing participle
   * moves: "what are firms using the models for?" (the gap after for), not "who was the chief
   * cheering the numbers?" (no gap: who was its subject).
   */
  private static boolean gapKept(String wh, List<String> words, int participle) {
    String w = lower(words.get(participle));
    if (!w.endsWith("ing") || !Set.of("who", "whom", "what", "which").contains(wh)) {
      return true;
    }
    int last = words.size() - 1;
    return participle == last
        || PREPOSITIONS.contains(lower(words.get(participle + 1)))
        || PREPOSITIONS.contains(lower(words.get(last)));
  }

  /** Returns whether a wh-phrase names what it asks about (which companies, how many engineers). */
  private static boolean nounIn(List<String> phrase) {
    return phrase.get(0).equals("how") ? phrase.size() > 2 : phrase.size() > 1;
  }

  /**
   * Returns the index of the bare verb after do or a modal, from {@code from} on: a verb that no
   * determiner, possessive or preposition comes right before, most often a verb or last (when did
   * the price increase?), or -1 when there is none.
   */
  private static int mainVerb(List<String> words, int from) {
    for (int k = from; k < words.size(); k++) {
      String w = words.get(k);
      if (isLowerWord(w) && Parts.isVerb(w) && !beforeNoun(words.get(k - 1))) {
        boolean last = k == words.size() - 1;
        if (Parts.isMostlyVerb(w) || last || startsPhrase(words.get(k + 1))) {
          return k;
        }
      }
    }
    return -1;
  }

  /**
   * Returns the index of the predicate after a subject and is, was or has, from {@code from} on: a
   * participle (held, based, earning; an -ing noun only before its object: using the models, not AI
   * spending in 2024) or an adjective standing last or before a preposition after a name (Tencent
   * worth), or -1 when there is none (who is Microsoft's president?).
   */
  private static int predicate(List<String> words, int from) {
    for (int k = from; k < words.size(); k++) {
      String w = words.get(k);
      if (!isLowerWord(w) || beforeNoun(words.get(k - 1))) {
        continue;
      }
      boolean last = k == words.size() - 1;
      boolean afterName = !isLowerWord(words.get(k - 1)) || Parts.of(w).indexOf('n') < 0;
      if ((Parts.isParticiple(w)
              && (!Parts.isNounLemma(w) || (!last && startsObject(words.get(k + 1)))))
          || (Parts.isMostlyAdjective(w)
              && afterName
              && (last || PREPOSITIONS.contains(lower(words.get(k + 1)))))) {
        return k;
      }
    }
    return -1;
  }

  /**
   * Returns whether {@code subject} reads as one noun phrase: some words, none a wh-word, an
   * auxiliary, the asker's or the bot's pronoun or a finite verb (the models Microsoft sells), a
   * determiner only first or after a preposition (not "Microsoft building its lab"); before a verb
   * that is most often something else, no word that could be the verb instead (judson althoff step
   * down: step, or down?).
   */
  private static boolean subjectOk(List<String> subject, boolean weakVerb) {
    if (subject.isEmpty()) {
      return false;
    }
    for (int k = 0; k < subject.size(); k++) {
      String w = subject.get(k);
      String lw = lower(w);
      boolean free = k == 0 || !beforeNoun(subject.get(k - 1));
      if (WH.contains(lw)
          || isAuxiliary(lw)
          || PERSONAL.contains(lw)
          || (k > 0
              && DETERMINERS.contains(lw)
              && !PREPOSITIONS.contains(lower(subject.get(k - 1))))
          || (free && finite(w, false))
          || (free && weakVerb && isLowerWord(w) && Parts.isVerb(w))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns whether {@code rest} has no second clause: no wh-word, auxiliary or pronoun of ours.
   */
  private static boolean clean(List<String> rest) {
    return rest.stream()
        .map(IndirectQuestion::lower)
        .noneMatch(w -> WH.contains(w) || isAuxiliary(w) || PERSONAL.contains(w));
  }

  /**
   * Returns whether {@code subject}, all that follows is or was, is one noun phrase: it ends in a
   * noun, and has no adverb (Microsoft still in China) and no -ing form that could be the predicate
   * instead (Tencent building with the models, lawmakers planning).
   */
  private static boolean nounPhrase(List<String> subject) {
    for (int k = 0; k < subject.size(); k++) {
      String w = subject.get(k);
      boolean free = k == 0 || !beforeNoun(subject.get(k - 1));
      boolean adverb =
          Parts.of(w).charAt(0) == 'r' && !PREPOSITIONS.contains(w) && !DETERMINERS.contains(w);
      if (isLowerWord(w) && (adverb || (free && w.endsWith("ing") && Parts.isParticiple(w)))) {
        return false;
      }
    }
    return endsNounPhrase(subject);
  }

  /**
   * Returns whether a noun phrase's last word is a noun: a name, a number, or a word most often a
   * noun (president, business), not a verb, adjective or adverb left without its own.
   */
  private static boolean endsNounPhrase(List<String> subject) {
    String last = subject.get(subject.size() - 1);
    if (!isLowerWord(last)) {
      return true; // Microsoft, 2024, Microsoft's
    }
    return Parts.of(last).charAt(0) == 'n'
        && !DETERMINERS.contains(last)
        && !PREPOSITIONS.contains(last);
  }

  /**
   * Returns whether {@code word} can be the finite verb of a question whose wh-phrase is its
   * subject: a past (testified, held) or an -s form (leads), or, after a plural noun, a base form
   * most often a verb (which firms use…?).
   */
  private static boolean finite(String word, boolean afterNoun) {
    if (!isLowerWord(word) || Parts.isNounLemma(word)) {
      return false;
    }
    if (word.endsWith("ed") || (Parts.of(word).indexOf('p') >= 0 && !word.endsWith("ing"))) {
      return Parts.isParticiple(word);
    }
    if (word.endsWith("s") && Parts.isMostlyVerb(word.substring(0, word.length() - 1))) {
      return true;
    }
    return afterNoun && Parts.isMostlyVerb(word) && !DETERMINERS.contains(word);
  }

  /**
   * Returns whether the word at {@code k} begins a predicate: a participle, a preposition, or an
   * adjective standing last or before a preposition (responsible for), not one before its noun.
   */
  private static boolean startsPredicate(List<String> words, int k) {
    String w = words.get(k);
    boolean last = k == words.size() - 1;
    return isLowerWord(w)
        && !DETERMINERS.contains(w)
        && (Parts.isParticiple(w)
            || PREPOSITIONS.contains(w)
            || (Parts.isMostlyAdjective(w)
                && (last || PREPOSITIONS.contains(lower(words.get(k + 1))))));
  }

  /** Returns whether an object starts at {@code word}: a determiner or a name. */
  private static boolean startsObject(String word) {
    return DETERMINERS.contains(lower(word)) || !isLowerWord(word);
  }

  /** Returns whether a phrase starts at {@code word}: a determiner, a preposition, a name. */
  private static boolean startsPhrase(String word) {
    String w = lower(word);
    return DETERMINERS.contains(w) || PREPOSITIONS.contains(w) || !isLowerWord(word);
  }

  /**
   * Returns whether a noun, never a verb, follows {@code word}: a determiner, possessive,
   * preposition.
   */
  private static boolean beforeNoun(String word) {
    String w = lower(word);
    return DETERMINERS.contains(w)
        || PREPOSITIONS.contains(w)
        || w.endsWith("'s")
        || w.endsWith("’s")
        || w.endsWith("s'");
  }

  /**
   * Returns whether the wh-phrase asks how or how-adjective (how, how fast, how big), which is
   * never the subject, unlike how much and how many.
   */
  private static boolean isHowAdverb(List<String> phrase) {
    return phrase.get(0).equals("how")
        && (phrase.size() == 1 || !Set.of("much", "many").contains(lower(phrase.get(1))));
  }

  private static boolean isAuxiliary(String word) {
    String w = lower(word);
    return DO.contains(w) || BE.contains(w) || HAVE.contains(w) || MODAL.contains(w);
  }

  private static boolean isLowerWord(String word) {
    return !word.isEmpty() && word.chars().allMatch(c -> c >= 'a' && c <= 'z');
  }

  private static String lower(String word) {
    return word.toLowerCase(Locale.ROOT);
  }

  private static String capitalised(String word) {
    return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
