package msftchina.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import msftchina.facts.Fact;
import msftchina.facts.FactsDirectory;
import msftchina.facts.ReportFolder;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;

/**
 * The small fixture report of {@code src/test/resources/fixture-report} (an imaginary company,
 * Lumenbay), opened stage by stage as {@link FactSearcher} opens a report, so that each stage can
 * be tested on its own: the question reader, the retriever and the decision to answer.
 */
final class FixtureReport implements Closeable {

  /** The report's id, its folder's name. */
  static final String REPORT = "lumenbay";

  /** The decision's parameters of the fixture's {@code decision.properties}. */
  final DecisionModel model;

  /** The statements in index order: a candidate's doc is its position here. */
  final List<Fact> statements;

  final QuestionReader reader;
  final Retriever retriever;
  final Answerability answerability;
  private final FactIndex index;
  private final DirectoryReader indexReader;

  private FixtureReport(
      DecisionModel model,
      List<Fact> statements,
      QuestionReader reader,
      Retriever retriever,
      Answerability answerability,
      FactIndex index,
      DirectoryReader indexReader) {
    this.model = model;
    this.statements = statements;
    this.reader = reader;
    this.retriever = retriever;
    this.answerability = answerability;
    this.index = index;
    this.indexReader = indexReader;
  }

  /** Returns the fixture's facts folder, as the test class path holds it. */
  static Path dir() {
    try {
      return Path.of(FixtureReport.class.getResource("/fixture-report").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("the class path names no file", e);
    }
  }

  private static FixtureReport shared;
  private static KnowledgeBase sharedKnowledgeBase;

  /**
   * Returns the fixture report opened stage by stage once for the whole test run (the stage tests
   * share it: they only read), its index in a temporary folder deleted when the run ends.
   */
  static synchronized FixtureReport shared() {
    if (shared == null) {
      try {
        Path indexDir = Files.createTempDirectory("fixture-report-index");
        shared = open(indexDir);
        closeWhenTheRunEnds(shared, indexDir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return shared;
  }

  /**
   * Returns the fixture report opened as the bot opens its reports, once for the whole test run,
   * its index in a temporary folder deleted when the run ends.
   */
  static synchronized KnowledgeBase knowledgeBase() {
    if (sharedKnowledgeBase == null) {
      try {
        Path indexDir = Files.createTempDirectory("fixture-report-index");
        sharedKnowledgeBase = KnowledgeBase.open(dir(), indexDir, line -> {});
        closeWhenTheRunEnds(sharedKnowledgeBase, indexDir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return sharedKnowledgeBase;
  }

  /** Closes {@code opened} when the JVM exits, then deletes {@code indexDir} and what it holds. */
  private static void closeWhenTheRunEnds(Closeable opened, Path indexDir) {
    Thread hook =
        new Thread(
            () -> {
              try (Closeable c = opened;
                  Stream<Path> files = Files.walk(indexDir)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                  Files.deleteIfExists(f);
                }
              } catch (IOException e) {
                // a temporary folder: the system clears it in time
              }
            });
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Opens the fixture report with its index in {@code indexDir}. */
  static FixtureReport open(Path indexDir) throws IOException {
    FactsDirectory facts = new FactsDirectory(dir());
    ReportFolder folder = new ReportFolder(dir().resolve(REPORT));
    FactIndex index = FactIndex.open(indexDir, facts, line -> {});
    DirectoryReader reader = index.openReader();
    Analysis analysis = index.analysis();
    Knowledge knowledge = Knowledge.read(facts, folder, analysis);
    List<Fact> statements = inIndexOrder(reader, folder.readFacts());
    GroupCounts counts = new GroupCounts(reader, Map.of(REPORT, 0), 1);
    Vocabulary vocabulary =
        Vocabulary.of(
            counts.count(FactFields.TEXT),
            counts.count(FactFields.SURFACE),
            0,
            statements.size(),
            counts.tokens(FactFields.TEXT)[0]);
    IndexSearcher searcher = new GroupSearcher(reader, vocabulary);
    Set<String> subjects =
        FactSearcher.subjects(counts.count(FactFields.ENTITY), 0, statements.size());
    return new FixtureReport(
        DecisionModel.read(dir()),
        statements,
        new QuestionReader(knowledge, vocabulary, subjects),
        new Retriever(searcher),
        new Answerability(
            statements::get, doc -> analysis.words(statements.get(doc).text()), analysis),
        index,
        reader);
  }

  /** Returns {@code question} as the reader reads it with the fixture's model. */
  Reading read(String question) {
    return reader.read(question, model);
  }

  /** Returns the decision on {@code question}, read and searched; null when its reading refuses. */
  Decision decide(String question) {
    Reading reading = read(question);
    return reading.refusal() != null
        ? null
        : answerability.decide(reading, retriever.candidates(reading.terms(), null));
  }

  /** Returns the ids of {@code candidates}' statements, in order. */
  List<String> ids(List<Candidate> candidates) {
    return candidates.stream().map(c -> statements.get(c.doc()).id()).toList();
  }

  /** Returns the short id ("1.2") of a statement id ("lumenbay:1.2"). */
  static String shortId(String id) {
    return id.substring(REPORT.length() + 1);
  }

  /** Returns the short ids of {@code candidates}' statements, in order. */
  List<String> shortIds(List<Candidate> candidates) {
    return ids(candidates).stream().map(FixtureReport::shortId).toList();
  }

  /** Returns the parts of {@code written} between {@code separator}s; none when it is null. */
  static List<String> list(String written, String separator) {
    return written == null
        ? List.of()
        : List.of(Pattern.compile(Pattern.quote(separator)).split(written.strip(), -1));
  }

  /** Returns the doc of the statement whose short id is {@code shortId} ("1.2"). */
  int doc(String shortId) {
    for (int doc = 0; doc < statements.size(); doc++) {
      if (shortId(statements.get(doc).id()).equals(shortId)) {
        return doc;
      }
    }
    throw new IllegalArgumentException("the fixture report has no statement " + shortId);
  }

  private static List<Fact> inIndexOrder(DirectoryReader reader, List<Fact> facts)
      throws IOException {
    Map<String, Fact> byId =
        facts.stream().collect(Collectors.toMap(Fact::id, Function.identity()));
    StoredFields stored = reader.storedFields();
    List<Fact> ordered = new ArrayList<>();
    for (int doc = 0; doc < reader.maxDoc(); doc++) {
      ordered.add(byId.get(stored.document(doc, Set.of(FactFields.ID)).get(FactFields.ID)));
    }
    return List.copyOf(ordered);
  }

  @Override
  public void close() throws IOException {
    indexReader.close();
    index.close();
  }
}
