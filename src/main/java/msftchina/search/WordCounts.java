package msftchina.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;

/**
 * How many live statements of each group of reports use each word (their terms, their words as
 * written, the entities they name), how many statements each group holds and how many words: what
 * each group's reading of a question needs. A library keeps them, so that after a few reports
 * change the next library's are this one's less the old statements of those reports and plus their
 * new ones, read from the index's stored text (a thousand statements take milliseconds), instead of
 * every statement's postings counted again (seconds at a million statements, on the thread that
 * swaps the library in while requests are served).
 *
 * <p>NOTE: immutable; safe for concurrent use.
 */
final class WordCounts {

  /**
   * Beyond this share of a library's statements changed (old and new counted), counting every
   * statement's postings again is about as cheap as reading the changed ones' text.
   */
  static final double RECOUNT_SHARE = 0.1;

  /** The stored fields a statement's words are derived from. */
  private static final Set<String> WORD_FIELDS = Set.of(FactFields.TEXT, FactFields.GIVES_ENTITIES);

  /** For each term of {@link FactFields#TEXT}, how many statements of each group use it. */
  final Map<String, int[]> terms;

  /** For each term of {@link FactFields#SURFACE}, how many statements of each group use it. */
  final Map<String, int[]> written;

  /** For each entity ({@link FactFields#ENTITY}), how many statements of each group name it. */
  final Map<String, int[]> named;

  private final int[] statements;
  private final long[] tokens;

  private WordCounts(
      Map<String, int[]> terms,
      Map<String, int[]> written,
      Map<String, int[]> named,
      int[] statements,
      long[] tokens) {
    this.terms = terms;
    this.written = written;
    this.named = named;
    this.statements = statements;
    this.tokens = tokens;
  }

  /**
   * Counts every live statement of {@code reader}, whose report {@code id} is in group {@code
   * groupOf}.
   */
  static WordCounts count(DirectoryReader reader, Map<String, Integer> groupOf, int groups)
      throws IOException {
    GroupCounts counts = new GroupCounts(reader, groupOf, groups);
    Map<String, int[]> terms = counts.count(FactFields.TEXT);
    Map<String, int[]> written = counts.count(FactFields.SURFACE);
    Map<String, int[]> named = counts.count(FactFields.ENTITY);
    return new WordCounts(
        terms, written, named, counts.statements(), counts.tokens(FactFields.TEXT));
  }

  /** Returns how many live statements group {@code group} holds. */
  int statements(int group) {
    return statements[group];
  }

  /** Returns how many words (terms, repeats counted) group {@code group}'s statements hold. */
  long tokens(int group) {
    return tokens[group];
  }

  /**
   * A commit of the index as a library reads it.
   *
   * @param reader a reader of it
   * @param catalog its reports
   * @param groupOf the group of each report, by id
   */
  record Commit(DirectoryReader reader, List<ReportInfo> catalog, Map<String, Integer> groupOf) {}

  /**
   * Returns the counts of {@code after}, a later commit of the index than {@code before} (counted
   * here) whose groups are numbered alike, from these and the statements of the reports added,
   * removed or indexed again between them; or null when so many statements changed ({@link
   * #RECOUNT_SHARE}) that counting every one is as cheap. These counts are left as they are.
   */
  WordCounts updated(Commit before, Commit after, Analysis analysis) throws IOException {
    Map<String, ReportInfo> old = new HashMap<>();
    before.catalog().forEach(r -> old.put(r.id(), r));
    Set<String> changed = new HashSet<>();
    long statements = 0;
    for (ReportInfo report : after.catalog()) {
      ReportInfo was = old.remove(report.id());
      if (was == null || !was.version().equals(report.version())) {
        changed.add(report.id());
        statements += report.statements() + (was == null ? 0 : was.statements());
      }
    }
    for (ReportInfo removed : old.values()) {
      changed.add(removed.id());
      statements += removed.statements();
    }
    if (statements > RECOUNT_SHARE * Math.max(1, after.reader().numDocs())) {
      return null;
    }
    Delta delta = new Delta(this);
    for (String report : changed) {
      Integer was = before.groupOf().get(report);
      if (was != null) {
        delta.add(before.reader(), report, was, -1, analysis);
      }
      Integer now = after.groupOf().get(report);
      if (now != null) {
        delta.add(after.reader(), report, now, +1, analysis);
      }
    }
    return delta.done();
  }

  /** The counts being brought from one commit to the next; copies an array before changing it. */
  private static final class Delta {

    private final Counted terms;
    private final Counted written;
    private final Counted named;
    private final int[] statements;
    private final long[] tokens;

    Delta(WordCounts from) {
      this.terms = new Counted(from.terms, from.statements.length);
      this.written = new Counted(from.written, from.statements.length);
      this.named = new Counted(from.named, from.statements.length);
      this.statements = from.statements.clone();
      this.tokens = from.tokens.clone();
    }

    /**
     * Adds {@code sign} times the words of report {@code report}'s live statements in {@code
     * reader}, in group {@code group}.
     */
    void add(DirectoryReader reader, String report, int group, int sign, Analysis analysis)
        throws IOException {
      Term id = new Term(FactFields.REPORT_ID, report);
      for (LeafReaderContext leaf : reader.leaves()) {
        PostingsEnum docs = leaf.reader().postings(id, PostingsEnum.NONE);
        if (docs == null) {
          continue;
        }
        Bits live = leaf.reader().getLiveDocs();
        StoredFields stored = leaf.reader().storedFields();
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
          if (live == null || live.get(doc)) {
            statement(stored.document(doc, WORD_FIELDS), group, sign, analysis);
          }
        }
      }
    }

    /** Counts one statement as {@link StatementDocuments} indexed it. */
    private void statement(Document doc, int group, int sign, Analysis analysis) {
      List<Word> words = analysis.words(doc.get(FactFields.TEXT));
      statements[group] += sign;
      tokens[group] += sign * (long) words.size();
      Set<String> distinct = new HashSet<>();
      for (Word word : words) {
        if (distinct.add(word.term())) {
          terms.add(word.term(), group, sign);
        }
      }
      for (String surface : StatementDocuments.surfaces(words)) {
        written.add(surface, group, sign);
      }
      for (String entity : new HashSet<>(List.of(doc.getValues(FactFields.GIVES_ENTITIES)))) {
        named.add(entity, group, sign);
      }
    }

    WordCounts done() {
      return new WordCounts(terms.done(), written.done(), named.done(), statements, tokens);
    }
  }

  /** One field's counts being changed: a copy of the map, and of each array it changes. */
  private static final class Counted {

    private final Map<String, int[]> counts;
    private final Set<String> copied = new HashSet<>();
    private final int groups;

    Counted(Map<String, int[]> from, int groups) {
      this.counts = new HashMap<>(from);
      this.groups = groups;
    }

    void add(String key, int group, int sign) {
      int[] these = counts.get(key);
      if (copied.add(key)) {
        // The arrays before are another library's, in use.
        these = these == null ? new int[groups] : these.clone();
        counts.put(key, these);
      }
      these[group] += sign;
    }

    /** Returns the counts, without the words no statement uses any more. */
    Map<String, int[]> done() {
      for (String key : copied) {
        if (Arrays.stream(counts.get(key)).allMatch(n -> n == 0)) {
          counts.remove(key);
        }
      }
      return counts;
    }
  }
}
