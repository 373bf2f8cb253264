package msftchina.search;

import java.io.IOException;
import java.util.ArrayList;
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

  /** How many example questions, and how many changed reports' titles, warm a new library. */
  static final int WARM = 8;

  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final List<ReportInfo> catalog;
  private final Map<String, Integer> groupOf;
  private final List<String> groupKeys;
  private final WordCounts counts;
  private final boolean countsUpdated;
  private final List<FactSearcher> groups;
  private final BestAnswer best;

  private Library(
      DirectoryReader reader,
      IndexSearcher searcher,
      List<ReportInfo> catalog,
      Map<String, Integer> groupOf,
      List<String> groupKeys,
      WordCounts counts,
      boolean countsUpdated,
      List<FactSearcher> groups) {
    this.reader = reader;
    this.searcher = searcher;
    this.catalog = List.copyOf(catalog);
    this.groupOf = Map.copyOf(groupOf);
    this.groupKeys = List.copyOf(groupKeys);
    this.counts = counts;
    this.countsUpdated = countsUpdated;
    this.groups = List.copyOf(groups);
    this.best = new BestAnswer(groups);
  }

  /**
   * Opens the library of {@code reader}, whose reports {@code catalog} lists, with the word lists
   * of {@code facts} analysed by {@code analysis}; the library owns the reader from then on.
   */
  static Library open(
      DirectoryReader reader, List<ReportInfo> catalog, FactsDirectory facts, Analysis analysis)
      throws IOException {
    return open(reader, catalog, facts, analysis, null);
  }

  /**
   * Opens the library of {@code reader} as {@link #open(DirectoryReader, List, FactsDirectory,
   * Analysis)} does, a later commit of the index than {@code previous}'s (null when none): its word
   * counts are {@code previous}'s brought up to date with the reports that changed, when few did.
   */
  static Library open(
      DirectoryReader reader,
      List<ReportInfo> catalog,
      FactsDirectory facts,
      Analysis analysis,
      Library previous)
      throws IOException {
    try {
      Map<String, Integer> groupOf = new HashMap<>();
      List<String> groupKeys = new ArrayList<>();
      List<Knowledge> knowledge = new ArrayList<>();
      List<Query> scopes = new ArrayList<>();
      int shared = -1;
      for (ReportInfo report : catalog) {
        ReportFolder folder = new ReportFolder(facts.path().resolve(report.id()));
        if (StatementDocuments.ownWords(folder)) {
          groupOf.put(report.id(), knowledge.size());
          groupKeys.add(report.id());
          knowledge.add(Knowledge.read(facts, folder, analysis));
          scopes.add(new TermQuery(new Term(FactFields.REPORT_ID, report.id())));
        } else {
          if (shared < 0) {
            shared = knowledge.size();
            groupKeys.add(""); // the shared lists: no report's id
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
      WordCounts counts =
          previous == null
              ? null
              : previous.countsFor(
                  new WordCounts.Commit(reader, catalog, groupOf), groupKeys, analysis);
      boolean countsUpdated = counts != null;
      if (counts == null) {
        counts = WordCounts.count(reader, groupOf, knowledge.size());
      }
      Fact[] preloaded = null;
      if (reader.maxDoc() <= PRELOAD_MAX) {
        preloaded = new Fact[reader.maxDoc()];
        Statements stored = new Statements(reader);
        for (int doc = 0; doc < preloaded.length; doc++) {
          preloaded[doc] = stored.fact(doc);
        }
      }
      int[] sizes = new int[knowledge.size()]; // of the groups a copy could take
      for (int g = 0; g < sizes.length; g++) {
        boolean own = g != shared && scopes.get(g) != null && reader.maxDoc() > PRELOAD_MAX;
        sizes[g] = own ? counts.statements(g) : -1;
      }
      boolean[] copied = GroupCopy.chosen(sizes);
      List<FactSearcher> groups = new ArrayList<>();
      for (int g = 0; g < knowledge.size(); g++) {
        GroupCopy copy = copied[g] ? GroupCopy.of(reader, scopes.get(g), false, analysis) : null;
        Vocabulary vocabulary =
            Vocabulary.of(counts.terms, counts.written, g, counts.statements(g), counts.tokens(g));
        groups.add(
            new FactSearcher(
                new GroupSearcher(copy == null ? reader : copy.reader(), vocabulary),
                knowledge.get(g),
                vocabulary,
                FactSearcher.subjects(counts.named, g, counts.statements(g)),
                copy == null ? scopes.get(g) : null, // a copy holds the group alone
                g == shared ? others : null,
                copy == null ? preloaded : copy.facts()));
      }
      return new Library(
          reader, searcher, catalog, groupOf, groupKeys, counts, countsUpdated, groups);
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
    return best.of(question, model);
  }

  /**
   * Returns the word counts of {@code next}, a later commit of this library's index in groups named
   * by {@code groupKeys}, brought up to date from this library's; or null when the groups differ,
   * this library is closed, or so many statements changed that counting them all is as cheap.
   */
  private WordCounts countsFor(WordCounts.Commit next, List<String> groupKeys, Analysis analysis)
      throws IOException {
    if (!groupKeys.equals(this.groupKeys) || !reader.tryIncRef()) {
      return null;
    }
    try {
      return counts.updated(new WordCounts.Commit(reader, catalog, groupOf), next, analysis);
    } finally {
      reader.decRef();
    }
  }

  /**
   * Asks this library, before it serves, a few questions: {@code examples} and the titles of the
   * reports not in {@code before} as they are now, so that its first requests don't pay for what
   * the new segments hold being read for the first time.
   */
  void warm(List<ReportInfo> before, List<String> examples, DecisionModel model) {
    List<String> questions = new ArrayList<>(examples.subList(0, Math.min(WARM, examples.size())));
    catalog.stream()
        .filter(report -> !before.contains(report))
        .limit(WARM)
        .forEach(report -> questions.add(report.title()));
    for (String question : questions) {
      ask(question, model, Optional.empty());
    }
  }

  /** Returns the reports, sorted by id. */
  List<ReportInfo> catalog() {
    return catalog;
  }

  /** Returns whether the word counts were the previous library's brought up to date. */
  boolean countsUpdated() {
    return countsUpdated;
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
