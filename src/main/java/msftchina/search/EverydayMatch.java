package msftchina.search;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import msftchina.english.EverydayWords;
import msftchina.english.Lexicon;

/**
 * Whether a question matches a report only through everyday English words ("what's the best place
 * to get coffee?" matches "two places"): such words occur in any text, so a message that names none
 * of the report's entities anywhere and shares no other word with it is about something else.
 *
 * <p>NOTE: immutable, safe for concurrent use; each {@link Message} belongs to one reading of one
 * message and is not.
 */
final class EverydayMatch {

  /**
   * A figure written with its unit, as the report writes one: a percentage ("400%", "1.5 percent")
   * or a sum in dollars ("$1 billion"). A message quoting one the report gives ("what does the 400%
   * figure refer to?") is about the report as surely as one naming its entities; a bare number
   * ("400 times 2", "1.5 liters") is not.
   */
  private static final Pattern FIGURE =
      Pattern.compile(
          "\\$\\s?(\\d+(?:[.,]\\d+)?)|(\\d+(?:[.,]\\d+)?)\\s?(?:%|percent\\b|per cent\\b)");

  private final Knowledge knowledge;
  private final Vocabulary vocabulary;

  EverydayMatch(Knowledge knowledge, Vocabulary vocabulary) {
    this.knowledge = knowledge;
    this.vocabulary = vocabulary;
  }

  /**
   * Returns whether {@code word} is an English word (WordNet's), not an everyday one, that the
   * report doesn't use itself, through a synonym or as the word a misspelling is nearest to.
   */
  boolean informativeUnused(String word) {
    List<Word> words = knowledge.analysis.words(word);
    String lower = word.toLowerCase(Locale.ROOT);
    return words.size() == 1
        && Lexicon.wordNet().isWord(lower)
        && !EverydayWords.isEveryday(lower)
        && knowledge.thesaurus.rewrite(word).equals(word)
        && !hasOrNear(words.get(0));
  }

  /** Returns whether the report has {@code word} itself, or a word it is a misspelling of. */
  private boolean hasOrNear(Word word) {
    return vocabulary.has(word.term()) || vocabulary.nearest(word) != null;
  }

  /** Returns the match for the parts of {@code message}, which shares its work between them. */
  Message of(String message) {
    return new Message(message);
  }

  /**
   * One message being read part by part: whether it names an entity is worked out once, on the
   * first part that needs it, and whether the report has a word (itself or misspelt) is looked up
   * once, by {@link QuestionReader}'s word loop where it can.
   */
  final class Message {

    private final String message;
    private final Map<String, Optional<String>> misspelt = new HashMap<>();
    private Boolean namesEntity;

    private Message(String message) {
      this.message = message;
    }

    /**
     * Records the term of the report's word that {@code word}, unknown to the report, is misspelt
     * for ({@code nearest}, null for none), as looked up already.
     */
    void looked(Word word, String nearest) {
      misspelt.putIfAbsent(key(word), Optional.ofNullable(nearest));
    }

    /**
     * Returns whether the message names one of the report's entities anywhere, by any of its names
     * or misspelt ("chnia"), or quotes a figure the report gives ("400%"): a question that does
     * neither must carry what it asks about in the report's other words.
     */
    boolean namesEntity() {
      if (namesEntity == null) {
        String whole =
            knowledge.thesaurus.rewrite(Question.withoutPossessives(Question.clean(message)));
        Set<String> terms = new HashSet<>(knowledge.analysis.terms(whole));
        for (Word word : knowledge.analysis.distinctWords(whole, QuestionReader.MAX_TERMS)) {
          String near = nearest(word);
          if (near != null) {
            terms.add(near);
          }
        }
        namesEntity = !knowledge.entitiesIn(terms).isEmpty() || quotesFigure(whole);
      }
      return namesEntity;
    }

    /**
     * Returns whether the message names none of the report's entities and every word of {@code
     * cleaned} (the part of it being read), as the asker wrote it, that the report has (itself,
     * through a synonym or misspelt) is an everyday English word.
     */
    boolean only(String cleaned) {
      if (namesEntity()) {
        return false;
      }
      for (Word word : knowledge.analysis.distinctWords(cleaned, QuestionReader.MAX_TERMS)) {
        if (!EverydayWords.isEveryday(word.surface())
            && (!knowledge.thesaurus.rewrite(word.surface()).equals(word.surface())
                || vocabulary.has(word.term())
                || nearest(word) != null)) {
          return false;
        }
      }
      return true;
    }

    /** Returns whether {@code text} quotes a figure, with its unit, whose number the report has. */
    private boolean quotesFigure(String text) {
      Matcher m = FIGURE.matcher(text);
      while (m.find()) {
        String number = m.group(1) != null ? m.group(1) : m.group(2);
        if (knowledge.analysis.terms(number).stream().anyMatch(vocabulary::has)) {
          return true;
        }
      }
      return false;
    }

    /** Returns the term of the report's word a misspelt {@code word} is, looked up once. */
    private String nearest(Word word) {
      if (vocabulary.has(word.term())) {
        return null;
      }
      return misspelt
          .computeIfAbsent(key(word), k -> Optional.ofNullable(vocabulary.nearest(word)))
          .orElse(null);
    }

    /** Returns what the lookups of {@code word} depend on: its letters, lower-cased. */
    private static String key(Word word) {
      return Question.withoutPossessives(word.surface()).toLowerCase(Locale.ROOT);
    }
  }
}
