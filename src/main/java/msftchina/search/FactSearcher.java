package msftchina.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import msftchina.facts.Fact;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Answers questions from a group of reports read with the same word lists (one report with lists of
 * its own, or every report without), in five steps: read the question ({@link QuestionReader}),
 * find candidate statements ({@link Retriever}), decide whether they answer ({@link
 * Answerability}), rank them ({@link Ranking}) and mark the matched words ({@link Highlighter}).
 *
 * <p>NOTE: instances are immutable and safe for concurrent use.
 */
final class FactSearcher {

  /**
   * A library of at most this many statements, all preloaded, keeps the analysed words of each
   * statement a group has answered with (about 4.5 KiB a statement; a statement is in its report's
   * group and at most the shared one, so 0.6 MiB at most): highlighting and the details placed in a
   * statement read them for every answer.
   */
  static final int WORDS_KEPT = 64;

  /** An entity named in at least this share of the statements is a subject of the report. */
  static final double SUBJECT_SHARE = 0.5;

  private final IndexSearcher searcher;
  private final Knowledge knowledge;
  private final QuestionReader reader;
  private final Retriever retriever;
  private final Query scope;
  private final Query excluded;
  private final Fact[] preloaded;
  private final java.util.concurrent.atomic.AtomicReferenceArray<List<Word>> preloadedWords;
  private final int statements;

  /**
   * Creates a searcher over the statements of {@code searcher}'s index that {@code scope} matches
   * (all when null) and {@code excluded} doesn't (none when null), knowing {@code knowledge}, whose
   * words are {@code vocabulary} and which are about {@code subjects}; {@code preloaded} holds
   * every statement by doc in a small library (null in a large one: read from the index).
   */
  FactSearcher(
      IndexSearcher searcher,
      Knowledge knowledge,
      Vocabulary vocabulary,
      Set<String> subjects,
      Query scope,
      Query excluded,
      Fact[] preloaded) {
    this.searcher = searcher;
    this.knowledge = knowledge;
    this.reader = new QuestionReader(knowledge, vocabulary, subjects);
    this.retriever = new Retriever(searcher, vocabulary.statements() > Retriever.LARGE, excluded);
    this.scope = scope;
    this.excluded = excluded;
    this.preloaded = preloaded;
    this.preloadedWords =
        preloaded != null && preloaded.length <= WORDS_KEPT
            ? new java.util.concurrent.atomic.AtomicReferenceArray<>(preloaded.length)
            : null;
    this.statements = vocabulary.statements();
  }

  /** Returns {@code question} as this group reads it, deciding with {@code model}. */
  Reading read(String question, DecisionModel model) {
    return reader.read(question, model);
  }

  /** Returns the group's answer to the question {@code reading} read. */
  Answer search(Reading reading) {
    return search(reading, scope, excluded);
  }

  /** Returns how many statements the group holds (at least 1). */
  int statements() {
    return statements;
  }

  /**
   * Returns the answer to {@code question} from the statements {@code filter} matches (a report of
   * the group), deciding with {@code model}.
   */
  Answer search(String question, DecisionModel model, Query filter) {
    return search(reader.read(question, model), filter, null);
  }

  private Answer search(Reading reading, Query filter, Query excluded) {
    String question = reading.question();
    if (reading.refusal() != null) {
      return Answer.refused(question, reading.refusal());
    }
    IntFunction<Fact> fact = facts();
    if (reading.gist()) {
      return gist(question, fact, filter, excluded);
    }
    IntFunction<List<Word>> words =
        preloadedWords != null
            ? doc -> {
              List<Word> kept = preloadedWords.get(doc);
              if (kept == null) { // analysed once; threads racing here analyse alike
                kept = List.copyOf(knowledge.analysis.words(fact.apply(doc).text()));
                preloadedWords.set(doc, kept);
              }
              return kept;
            }
            : doc -> knowledge.analysis.words(fact.apply(doc).text());
    Decision decision =
        new Answerability(fact, words, knowledge.analysis)
            .decide(reading, retriever.candidates(reading.terms(), filter, excluded));
    Asked asked = reading.asked();
    IntPredicate first =
        asked.first().isEmpty() ? null : doc -> asked.putsFirst(FactTraits.of(fact.apply(doc)));
    List<Match> matches =
        Ranking.rank(decision, first, asked.constrains()).stream()
            .map(
                c -> {
                  Fact f = fact.apply(c.doc());
                  return new Match(
                      f,
                      c.score(),
                      Highlighter.spans(words.apply(c.doc()), reading.terms().keySet()));
                })
            .toList();
    if (decision.refusal() != null) {
      return Answer.refused(question, decision.refusal(), matches);
    }
    return new Answer(
        question,
        matches,
        null,
        Answer.Strength.ofCoverage(reading.coverage()),
        reading.coverage());
  }

  /** Returns the statements by doc: preloaded, or read from the index once each. */
  private IntFunction<Fact> facts() {
    if (preloaded != null) {
      return doc -> preloaded[doc];
    }
    Statements statements = new Statements(searcher.getIndexReader());
    Map<Integer, Fact> read = new HashMap<>();
    return doc -> read.computeIfAbsent(doc, statements::fact);
  }

  /**
   * Returns the answer to a request for the gist ({@link Gist}) of the reports {@code filter}
   * matches and {@code excluded} doesn't: their opening statements, which say what a report is
   * about. Of one report, its first statement and the first of its next paragraphs; of several,
   * each one's first, in the order they were indexed.
   */
  private Answer gist(String question, IntFunction<Fact> fact, Query filter, Query excluded) {
    List<Integer> docs = openings(FactFields.OPENS_REPORT, filter, excluded);
    if (docs.size() == 1) {
      String report = fact.apply(docs.get(0)).id();
      Query same =
          new TermQuery(
              new Term(FactFields.REPORT_ID, report.substring(0, report.lastIndexOf(':'))));
      docs = new ArrayList<>(docs);
      docs.addAll(openings(FactFields.OPENS_PARAGRAPH, same, null));
    }
    List<Match> matches =
        docs.stream()
            .limit(Ranking.MAX_FACTS)
            .map(doc -> new Match(fact.apply(doc), 1f, List.of()))
            .toList();
    return matches.isEmpty()
        ? Answer.refused(question, new Refusal(Refusal.Reason.WORDS_NOT_IN_REPORT, List.of()))
        : new Answer(question, matches, null, Answer.Strength.STRONG, 1);
  }

  /**
   * Returns the docs of the statements that open {@code what} (a report, a paragraph) among those
   * {@code filter} matches (all when null) and {@code excluded} doesn't, the first indexed first.
   */
  private List<Integer> openings(String what, Query filter, Query excluded) {
    BooleanQuery.Builder query =
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term(FactFields.OPENS, what)), BooleanClause.Occur.FILTER);
    if (filter != null) {
      query.add(filter, BooleanClause.Occur.FILTER);
    }
    if (excluded != null) {
      query.add(excluded, BooleanClause.Occur.MUST_NOT);
    }
    try {
      return Arrays.stream(searcher.search(query.build(), Ranking.MAX_FACTS).scoreDocs)
          .map(hit -> hit.doc)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("search failed on the open index", e);
    }
  }

  /**
   * Returns the entities named in at least {@link #SUBJECT_SHARE} of a group's {@code statements},
   * given how many of the group's statements name each ({@code named}, counted by group).
   */
  static Set<String> subjects(Map<String, int[]> named, int group, int statements) {
    return named.entrySet().stream()
        .filter(e -> e.getValue()[group] >= SUBJECT_SHARE * Math.max(1, statements))
        .map(Map.Entry::getKey)
        .collect(Collectors.toUnmodifiableSet());
  }
}
