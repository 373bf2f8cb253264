package msftchina.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import msftchina.facts.Fact;
import msftchina.facts.FactsDirectory;
import msftchina.facts.ReportFolder;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The library as it stands at one commit of the index: a reader of it, the catalog of its reports,
 * and one searcher for each group of reports read with the same word lists — a report with lists of
 * its own alone, every other report together. What each group's reading needs (its words, how rare
 * each is, its subjects) is counted from the index once, when the library is opened.
 *
 * <p>NOTE: immutable and safe for concurrent use while its reader is open; {@link KnowledgeBase}
 * counts the references to it.
 */
final class Library {

  /**
   * A library of at most this many statements keeps them on the heap (~3 MiB at most), as a report
   * of a few dozen always did: reading them from the index costs each question more.
   */
  static final int PRELOAD_MAX = 10_000;

  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final List<ReportInfo> catalog;
  private final Map<String, Integer> groupOf;
  private final List<FactSearcher> groups;

  private Library(
      DirectoryReader reader,
      IndexSearcher searcher,
      List<ReportInfo> catalog,
      Map<String, Integer> groupOf,
      List<FactSearcher> groups) {
    this.reader = reader;
    this.searcher = searcher;
    this.catalog = List.copyOf(catalog);
    this.groupOf = Map.copyOf(groupOf);
    this.groups = List.copyOf(groups);
  }

  /**
   * Opens the library of {@code reader}, whose reports {@code catalog} lists, with the word lists
   * of {@code facts} analysed by {@code analysis}; the library owns the reader from then on.
   */
  static Library open(
      DirectoryReader reader, List<ReportInfo> catalog, FactsDirectory facts, Analysis analysis)
      throws IOException {
    try {
      Map<String, Integer> groupOf = new HashMap<>();
      List<Knowledge> knowledge = new ArrayList<>();
      List<Query> scopes = new ArrayList<>();
      int shared = -1;
      for (ReportInfo report : catalog) {
        ReportFolder folder = new ReportFolder(facts.path().resolve(report.id()));
        if (StatementDocuments.ownWords(folder)) {
          groupOf.put(report.id(), knowledge.size());
          knowledge.add(Knowledge.read(facts, folder, analysis));
          scopes.add(new TermQuery(new Term(FactFields.REPORT_ID, report.id())));
        } else {
          if (shared < 0) {
            shared = knowledge.size();
            knowledge.add(Knowledge.read(facts, folder, analysis)); // the shared lists alone
            scopes.add(new TermQuery(new Term(FactFields.SHARED, "yes")));
          }
          groupOf.put(report.id(), shared);
        }
      }
      // The shared group is every statement but the other groups': excluding a few reports is
      // cheaper than filtering by a term nearly every statement has.
      Query others = null;
      if (shared >= 0 && scopes.size() > 1) {
        BooleanQuery.Builder own = new BooleanQuery.Builder();
        for (int g = 0; g < scopes.size(); g++) {
          if (g != shared) {
            own.add(scopes.get(g), BooleanClause.Occur.SHOULD);
          }
        }
        others = own.build();
      }
      if (shared >= 0) {
        scopes.set(shared, null);
      } else if (scopes.size() == 1) {
        scopes.set(0, null); // one group is the whole index
      }
      IndexSearcher searcher = Retriever.searcher(reader);
      GroupCounts counts = new GroupCounts(reader, groupOf, knowledge.size());
      Map<String, int[]> terms = counts.count(FactFields.TEXT);
      Map<String, int[]> written = counts.count(FactFields.SURFACE);
      Map<String, int[]> named = counts.count(FactFields.ENTITY);
      int[] statements = counts.statements();
      long[] tokens = counts.tokens(FactFields.TEXT);
      Fact[] preloaded = null;
      if (reader.maxDoc() <= PRELOAD_MAX) {
        preloaded = new Fact[reader.maxDoc()];
        Statements stored = new Statements(reader);
        for (int doc = 0; doc < preloaded.length; doc++) {
          preloaded[doc] = stored.fact(doc);
        }
      }
      List<FactSearcher> groups = new ArrayList<>();
      for (int g = 0; g < knowledge.size(); g++) {
        Vocabulary vocabulary = Vocabulary.of(terms, written, g, statements[g], tokens[g]);
        groups.add(
            new FactSearcher(
                new GroupSearcher(reader, vocabulary),
                knowledge.get(g),
                vocabulary,
                FactSearcher.subjects(named, g, statements[g]),
                scopes.get(g),
                g == shared ? others : null,
                preloaded));
      }
      return new Library(reader, searcher, catalog, groupOf, groups);
    } catch (IOException | RuntimeException e) {
      reader.decRef();
      throw e;
    }
  }

  /**
   * Returns the answer to {@code question} from {@code report}, or from the group that covers it
   * best: an answer before a refusal, a strong match before a partial one, then the one covering
   * more of the question, then the group named first.
   */
  Answer ask(String question, DecisionModel model, Optional<String> report) {
    if (report.isPresent()) {
      Integer group = groupOf.get(report.get());
      if (group == null) { // removed by a reload since the caller looked at the catalog
        return Answer.refused(question, new Refusal(Refusal.Reason.WORDS_NOT_IN_REPORT, List.of()));
      }
      return groups
          .get(group)
          .search(question, model, new TermQuery(new Term(FactFields.REPORT_ID, report.get())));
    }
    return groups.stream()
        .map(g -> g.search(question, model))
        .min(
            Comparator.comparing(Answer::strength)
                .thenComparing(Answer::coverage, Comparator.reverseOrder()))
        .orElseThrow();
  }

  /** Returns the reports, sorted by id. */
  List<ReportInfo> catalog() {
    return catalog;
  }

  /** Returns the searcher shared by every question. */
  IndexSearcher searcher() {
    return searcher;
  }

  /** Returns the reader of the index, reference-counted. */
  DirectoryReader reader() {
    return reader;
  }
}
