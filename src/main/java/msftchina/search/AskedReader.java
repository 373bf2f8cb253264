package msftchina.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads what a question asks for beyond its words ({@link Asked}): the kind of figure and the
 * details, its years, the entities it asks about and whether together, the measures, the words of
 * what it asks about, the names it sets aside and whose plan it asks.
 *
 * <p>NOTE: immutable, safe for concurrent use.
 */
final class AskedReader {

  private final Knowledge knowledge;
  private final Set<String> subjects;

  /** Creates a reader knowing {@code knowledge}, whose reports are about {@code subjects}. */
  AskedReader(Knowledge knowledge, Set<String> subjects) {
    this.knowledge = knowledge;
    this.subjects = Set.copyOf(subjects);
  }

  /**
   * Returns what {@code cleaned} asks for, given its rewritten {@code text}, where each of the
   * report's terms it has starts in that text ({@code starts}), its {@code words}, and the kinds of
   * figure and details the figures file finds asked in it ({@code asking}).
   */
  Asked read(
      String cleaned,
      String text,
      Map<String, Integer> starts,
      List<Word> words,
      Figures.Asking asking) {
    Set<String> named = new LinkedHashSet<>(knowledge.entitiesIn(starts.keySet()));
    named.removeAll(subjects);
    // What is paid for, sold to or compared with ("spend on Azure", "like ByteDance") is not what
    // is asked about.
    named.removeIf(
        name ->
            English.isAside(
                text.substring(
                    0, knowledge.termsOf(name).stream().mapToInt(starts::get).min().orElse(0))));
    Set<String> terms = new LinkedHashSet<>();
    words.forEach(w -> terms.add(w.term()));
    Set<String> about = new LinkedHashSet<>(starts.keySet());
    subjects.forEach(subject -> about.removeAll(knowledge.termsOf(subject)));
    return new Asked(
        asking.figure(),
        English.years(cleaned),
        named,
        !English.compares(cleaned),
        new LinkedHashSet<>(knowledge.measuresIn(terms)),
        asking.details(),
        about,
        setAside(cleaned),
        reportTerms(English.planner(cleaned)),
        counted(cleaned, starts, words),
        whole(cleaned, starts, words),
        asking.first());
  }

  /**
   * Returns the terms narrowing the whole {@code cleaned} asks a share of, as the report names them
   * (misspelt words as the report's words they are read as, where they stand among {@code words}).
   * Whose whole it is, an entity first ("Microsoft's", "msft"), is left to the entities asked
   * about: the statement's whole is "the company's".
   */
  private Set<String> whole(String cleaned, Map<String, Integer> starts, List<Word> words) {
    String asked = English.wholeAsked(cleaned);
    if (asked == null) {
      return Set.of();
    }
    Set<String> terms = new LinkedHashSet<>();
    List<String> nouns =
        English.wholeNarrowedBy(knowledge.thesaurus.rewrite(Question.withoutPossessives(asked)));
    for (int i = 0; i < nouns.size(); i++) {
      Set<String> noun = asRead(nouns.get(i), starts, words);
      if (i > 0 || knowledge.entitiesIn(noun).isEmpty()) {
        terms.addAll(noun);
      }
    }
    return terms;
  }

  /**
   * Returns the terms of the noun {@code cleaned} counts: as the report names it, and the report's
   * word it is misspelt for ("engneers" read as "engineers"), which starts where it does.
   */
  private Set<String> counted(String cleaned, Map<String, Integer> starts, List<Word> words) {
    String noun = English.counted(cleaned);
    return noun == null ? Set.of() : asRead(noun, starts, words);
  }

  /**
   * Returns the terms of {@code word} as the question is read: the report's word it is, or is
   * misspelt for, where it stands among {@code words}; else as the report names it.
   */
  private Set<String> asRead(String word, Map<String, Integer> starts, List<Word> words) {
    Set<String> terms = new LinkedHashSet<>();
    for (Word w : words) {
      if (w.surface().equalsIgnoreCase(word)) {
        starts.forEach(
            (term, at) -> {
              if (at == w.start()) {
                terms.add(term);
              }
            });
      }
    }
    return terms.isEmpty() ? reportTerms(word) : terms;
  }

  /**
   * Returns the terms of {@code phrase} as the report names them ("lawmakers" as "lawmaker"), or
   * none when there is no phrase.
   */
  private Set<String> reportTerms(String phrase) {
    return phrase == null
        ? Set.of()
        : knowledge.analysis.terms(
            knowledge.thesaurus.rewrite(Question.withoutPossessives(phrase)));
  }

  /** Returns the terms of the names {@code cleaned} sets aside, as the report names them. */
  private Set<String> setAside(String cleaned) {
    Set<String> terms = new LinkedHashSet<>();
    for (String phrase : English.setAside(cleaned)) {
      terms.addAll(
          knowledge.analysis.terms(
              knowledge.thesaurus.rewrite(Question.withoutPossessives(phrase))));
    }
    return terms;
  }
}
