package msftchina.search;

import java.io.IOException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/** Walks the live (not deleted) statements a query matches, segment by segment, in index order. */
final class LiveMatches {

  /** What is done with each statement matched. */
  @FunctionalInterface
  interface Visitor {

    /** Takes the statement at {@code doc} of {@code leaf} (a segment's own doc number). */
    void visit(LeafReaderContext leaf, int doc) throws IOException;
  }

  private LiveMatches() {}

  /**
   * Calls {@code visitor} for each live statement of {@code searcher}'s index {@code query}
   * matches.
   */
  static void each(IndexSearcher searcher, Query query, Visitor visitor) throws IOException {
    Weight weight =
        searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Scorer scorer = weight.scorer(leaf);
      if (scorer == null) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      DocIdSetIterator it = scorer.iterator();
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        if (live == null || live.get(doc)) {
          visitor.visit(leaf, doc);
        }
      }
    }
  }
}
