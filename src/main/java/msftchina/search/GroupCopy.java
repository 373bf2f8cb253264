package msftchina.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import msftchina.facts.Fact;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * A small group of reports (the bundled report, with word lists of its own) copied out of a large
 * library's index into an index of its own in memory, its statements kept on the heap: a question
 * to it then costs what it costs with the report alone, instead of looking each word up in every
 * segment of a million statements and reading the statements back from them. Its statements keep
 * their order, and the group's statistics are the same, so its answers and scores are the same.
 *
 * <p>NOTE: immutable; safe for concurrent use.
 */
final class GroupCopy {

  /** A group of at most this many statements is copied when its library is large (~1 MiB). */
  static final int MAX = 2_000;

  /**
   * What a copy is counted for, a statement: ~1 MiB for {@link #MAX} statements (the statement's
   * text on the heap, and its postings, stored fields and norms in the in-memory index).
   */
  static final long BYTES_PER_STATEMENT = (1L << 20) / MAX;

  /**
   * The bytes all of a library's copies may take, together: eight copies of the largest size. A
   * reload holds the old library's copies and the new one's for a moment, so twice this is live at
   * worst; the bundled report, the only group with word lists of its own today, takes one eighth.
   * Groups past it are searched in the library, as larger groups are.
   */
  static final long BUDGET_BYTES = 8L << 20;

  /**
   * Returns which groups to copy, given each group's {@code statements} (negative for a group that
   * is never copied): those of at most {@link #MAX} statements, the smallest first, while their
   * estimated bytes fit {@link #BUDGET_BYTES} together.
   */
  static boolean[] chosen(int[] statements) {
    boolean[] chosen = new boolean[statements.length];
    long spent = 0;
    List<Integer> bySize = new ArrayList<>();
    for (int g = 0; g < statements.length; g++) {
      if (statements[g] >= 0 && statements[g] <= MAX) {
        bySize.add(g);
      }
    }
    bySize.sort(Comparator.comparingInt((Integer g) -> statements[g]).thenComparing(g -> g));
    for (int g : bySize) {
      long cost = statements[g] * BYTES_PER_STATEMENT;
      if (spent + cost > BUDGET_BYTES) {
        break; // the rest are larger still
      }
      spent += cost;
      chosen[g] = true;
    }
    return chosen;
  }

  /**
   * Copies the live statements of {@code library} that {@code scope} matches into memory, read with
   * the shared lists when {@code shared}, analysed by {@code analysis}; the copy is closed with
   * {@code library}.
   */
  static GroupCopy of(DirectoryReader library, Query scope, boolean shared, Analysis analysis)
      throws IOException {
    List<Fact> facts = new ArrayList<>();
    ByteBuffersDirectory memory = new ByteBuffersDirectory();
    IndexWriterConfig config =
        new IndexWriterConfig(analysis.analyzer()).setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    try (IndexWriter writer = new IndexWriter(memory, config)) {
      IndexSearcher searcher = new IndexSearcher(library);
      searcher.setQueryCache(null);
      LiveMatches.each(
          searcher,
          scope,
          (leaf, doc) -> {
            Document document = leaf.reader().storedFields().document(doc);
            Fact fact = Statements.fact(document);
            facts.add(fact);
            writer.addDocument(
                StatementDocuments.document(
                    fact, document.get(FactFields.REPORT_ID), shared, analysis));
          });
      writer.commit(); // one segment: the statements in the order they had
    }
    DirectoryReader reader = DirectoryReader.open(memory);
    library.getReaderCacheHelper().addClosedListener(key -> reader.close());
    return new GroupCopy(reader, facts.toArray(Fact[]::new));
  }

  private final DirectoryReader reader;
  private final Fact[] facts;

  private GroupCopy(DirectoryReader reader, Fact[] facts) {
    this.reader = reader;
    this.facts = facts;
  }

  /** Returns a reader of the copy, holding only the group's statements. */
  DirectoryReader reader() {
    return reader;
  }

  /** Returns the copy's statements, by doc (the array itself: read it, never write it). */
  Fact[] facts() {
    return facts;
  }
}
