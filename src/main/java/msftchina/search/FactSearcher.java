package msftchina.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import msftchina.facts.Fact;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;

/**
 * Answers questions from one report, in five steps: read the question ({@link QuestionReader}),
 * find candidate statements ({@link Retriever}), decide whether they answer ({@link
 * Answerability}), rank them ({@link Ranking}) and mark the matched words ({@link Highlighter}).
 *
 * <p>NOTE: instances are immutable and safe for concurrent use.
 */
public final class FactSearcher {

  /** The most facts an answer gives. */
  public static final int MAX_FACTS = Ranking.MAX_FACTS;

  /** The share of a question's weight above which an answer is a strong match. */
  static final double STRONG_COVERAGE = 0.8;

  /** An entity named in at least this share of the statements is a subject of the report. */
  static final double SUBJECT_SHARE = 0.5;

  private final QuestionReader reader;
  private final Retriever retriever;
  private final Answerability answerability;
  private final Fact[] facts;
  private final List<List<Word>> words;

  /** Creates a searcher over {@code index} of {@code facts}, knowing {@code knowledge}. */
  FactSearcher(FactIndex index, List<Fact> facts, Knowledge knowledge) throws IOException {
    IndexSearcher searcher = Retriever.searcher(index);
    this.facts = storedFacts(index.reader(), facts);
    this.words = Arrays.stream(this.facts).map(f -> knowledge.analysis.words(f.text())).toList();
    List<FactTraits> traits =
        Arrays.stream(this.facts)
            .map(f -> FactTraits.of(f, knowledge.analysis.terms(f.text())))
            .toList();
    Vocabulary vocabulary = Vocabulary.of(searcher, words);
    this.reader = new QuestionReader(knowledge, vocabulary, subjects(traits));
    this.retriever = new Retriever(searcher, vocabulary);
    this.answerability = new Answerability(traits);
  }

  /**
   * Returns the report's answer to {@code question}, deciding with {@code model}; never throws on
   * any text.
   */
  public Answer search(String question, DecisionModel model) {
    Reading reading = reader.read(question, model);
    if (reading.refusal() != null) {
      return Answer.refused(question, reading.refusal());
    }
    Decision decision = answerability.decide(reading, retriever.candidates(reading.terms()));
    List<Match> matches =
        Ranking.rank(decision).stream()
            .map(
                c ->
                    new Match(
                        facts[c.doc()],
                        c.score(),
                        Highlighter.spans(words.get(c.doc()), reading.terms().keySet())))
            .toList();
    if (decision.refusal() != null) {
      return Answer.refused(question, decision.refusal(), matches);
    }
    Answer.Strength strength =
        reading.coverage() >= STRONG_COVERAGE ? Answer.Strength.STRONG : Answer.Strength.PARTIAL;
    return new Answer(question, matches, null, strength, reading.coverage());
  }

  /** Returns the entities named in at least {@link #SUBJECT_SHARE} of the statements. */
  static Set<String> subjects(List<FactTraits> traits) {
    Map<String, Long> named =
        traits.stream()
            .flatMap(t -> t.entities().stream())
            .collect(Collectors.groupingBy(e -> e, Collectors.counting()));
    return named.entrySet().stream()
        .filter(e -> e.getValue() >= SUBJECT_SHARE * Math.max(1, traits.size()))
        .map(Map.Entry::getKey)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** Returns the statements in index order, as the facts file gives them. */
  private static Fact[] storedFacts(DirectoryReader reader, List<Fact> facts) throws IOException {
    Map<String, Fact> byId =
        facts.stream().collect(Collectors.toMap(Fact::id, Function.identity()));
    Fact[] ordered = new Fact[reader.maxDoc()];
    StoredFields stored = reader.storedFields();
    for (int i = 0; i < ordered.length; i++) {
      Document doc = stored.document(i, Set.of(FactFields.ID));
      ordered[i] = byId.get(doc.get(FactFields.ID));
      if (ordered[i] == null) {
        throw new IllegalStateException(
            "the index holds " + doc.get(FactFields.ID) + ", which the facts file lacks");
      }
    }
    return ordered;
  }
}
