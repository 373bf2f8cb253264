package msftchina.search;

import msftchina.english.EverydayWords;

/**
 * Whether a question matches a report only through everyday English words ("what's the best place
 * to get coffee?" matches "two places"): such words occur in any text, so a message that names none
 * of the report's entities anywhere and shares no other word with it is about something else.
 *
 * <p>NOTE: immutable, safe for concurrent use.
 */
final class EverydayMatch {

  private final Knowledge knowledge;
  private final Vocabulary vocabulary;

  EverydayMatch(Knowledge knowledge, Vocabulary vocabulary) {
    this.knowledge = knowledge;
    this.vocabulary = vocabulary;
  }

  /**
   * Returns whether {@code message} names none of the report's entities and every word of {@code
   * cleaned} (the part of it being read), as the asker wrote it, that the report has (itself,
   * through a synonym or misspelt) is an everyday English word.
   */
  boolean only(String message, String cleaned) {
    String whole =
        knowledge.thesaurus.rewrite(Question.withoutPossessives(Question.clean(message)));
    if (!knowledge.entitiesIn(knowledge.analysis.terms(whole)).isEmpty()) {
      return false;
    }
    for (Word word : knowledge.analysis.distinctWords(cleaned, QuestionReader.MAX_TERMS)) {
      if (!EverydayWords.isEveryday(word.surface())
          && (vocabulary.has(word.term())
              || !knowledge.thesaurus.rewrite(word.surface()).equals(word.surface())
              || vocabulary.nearest(word) != null)) {
        return false;
      }
    }
    return true;
  }
}
