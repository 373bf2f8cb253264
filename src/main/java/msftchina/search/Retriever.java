package msftchina.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

/**
 * Finds the statements that best match a question's terms: BM25 over the report's index.
 *
 * <p>NOTE: safe for concurrent use; one {@link IndexSearcher} is shared, as Lucene advises.
 */
final class Retriever {

  /** How many of the best-matching statements are weighed against what a question asks for. */
  static final int CANDIDATES = 32;

  /**
   * BM25's length normalisation, lower than Lucene's 0.75: the facts are single sentences, and a
   * long sentence is not less about its words than a short one. Chosen on the tuning set.
   */
  static final float BM25_B = 0.4f;

  /** BM25's term-frequency saturation, Lucene's default. */
  static final float BM25_K1 = 1.2f;

  /**
   * Groups of more statements than this are searched by Lucene's own top hits (its bulk scorers
   * skip whole windows of statements that cannot get in: 2.5x faster on 1M statements); smaller
   * ones by walking the scorer here, which allocates nothing per question.
   */
  static final int LARGE = 100_000;

  /**
   * A large group's search leaving out at most this many statements (the other groups') asks for
   * that many more hits and drops them, rather than excluding them in the query: a query with an
   * excluded clause is scored a statement at a time, a pure disjunction by Lucene's bulk scorer
   * (MaxScore), ~3x faster on 1M statements.
   */
  static final int MAX_LEFT_OUT = 1_000;

  private final IndexSearcher searcher;
  private final boolean large;
  private final Query excluded;
  private final FixedBitSet leftOut;
  private final int leftOutCount;

  Retriever(IndexSearcher searcher) {
    this(searcher, false, null);
  }

  /**
   * Creates a retriever over {@code searcher}, for a group of more than {@link #LARGE} when {@code
   * large}, whose searches leave out, when asked to, the statements {@code excluded} matches (none
   * when null).
   */
  Retriever(IndexSearcher searcher, boolean large, Query excluded) {
    this.searcher = searcher;
    this.large = large;
    this.excluded = excluded;
    FixedBitSet docs = null;
    if (large && excluded != null) {
      try {
        docs = matching(excluded);
      } catch (IOException e) {
        throw new UncheckedIOException("search failed on the open index", e);
      }
    }
    this.leftOutCount = docs == null ? 0 : docs.cardinality();
    this.leftOut = leftOutCount <= MAX_LEFT_OUT ? docs : null;
  }

  /** Returns a searcher over {@code reader} scoring as BM25 with this class's parameters. */
  static IndexSearcher searcher(IndexReader reader) {
    IndexSearcher searcher = new IndexSearcher(reader);
    // Caching filters pays off for large indexes only; for sentences it is pure overhead, and its
    // usage tracking is synchronized across request threads.
    searcher.setQueryCache(null);
    searcher.setSimilarity(new BM25Similarity(BM25_K1, BM25_B));
    return searcher;
  }

  /**
   * Returns the best {@link #CANDIDATES} statements for {@code terms} among those {@code scope}
   * matches (every statement when null), best first.
   */
  List<Candidate> candidates(Map<String, Float> terms, Query scope) {
    return candidates(terms, scope, null);
  }

  /**
   * Returns the best {@link #CANDIDATES} statements for {@code terms} among those {@code scope}
   * matches (every statement when null) and {@code excluded} doesn't (none when null), best first.
   * One flat query: a disjunction of terms with no required clause is searched by its blocks'
   * highest scores, skipping what cannot get in.
   */
  List<Candidate> candidates(Map<String, Float> terms, Query scope, Query excluded) {
    // Left out after the search, when that is cheaper (MAX_LEFT_OUT): the statements' order and
    // scores are those of the query excluding them.
    boolean dropAfter =
        leftOut != null && scope == null && excluded != null && excluded.equals(this.excluded);
    BooleanQuery.Builder words = new BooleanQuery.Builder();
    terms.forEach(
        (term, boost) -> {
          Query q = new TermQuery(new Term(FactFields.TEXT, term));
          words.add(boost == 1f ? q : new BoostQuery(q, boost), BooleanClause.Occur.SHOULD);
        });
    if (scope != null) {
      // The scope filters and adds nothing to the score; a statement still needs a word.
      words.add(scope, BooleanClause.Occur.FILTER).setMinimumNumberShouldMatch(1);
    }
    if (excluded != null && !dropAfter) {
      words.add(excluded, BooleanClause.Occur.MUST_NOT);
    }
    Query query = words.build();
    try {
      return dropAfter ? topLeavingOut(query) : top(query);
    } catch (IOException e) {
      throw new UncheckedIOException("search failed on the open index", e);
    }
  }

  /**
   * Returns the best hits of {@code query} but those of {@link #leftOut}, best first, ties in index
   * order: the best {@link #CANDIDATES} plus as many as are left out, less those.
   */
  private List<Candidate> topLeavingOut(Query query) throws IOException {
    int wanted = CANDIDATES + leftOutCount;
    List<Candidate> top = new ArrayList<>(CANDIDATES);
    // Counting no more hits than asked for lets the bulk scorer skip from the first ones on.
    for (ScoreDoc hit :
        searcher.search(query, new TopScoreDocCollectorManager(wanted, null, wanted)).scoreDocs) {
      if (!leftOut.get(hit.doc) && top.size() < CANDIDATES) {
        top.add(new Candidate(hit.doc, hit.score));
      }
    }
    return top;
  }

  /** Returns the live statements {@code query} matches, by doc. */
  private FixedBitSet matching(Query query) throws IOException {
    FixedBitSet docs = new FixedBitSet(Math.max(1, searcher.getIndexReader().maxDoc()));
    LiveMatches.each(searcher, query, (leaf, doc) -> docs.set(leaf.docBase + doc));
    return docs;
  }

  /**
   * Returns the best hits of {@code query}, best first, ties in index order. It walks each
   * segment's scorer itself: Lucene's bulk scorers allocate windows of thousands of slots per
   * query, which for an index of sentences cost more than the search. Once it holds {@link
   * #CANDIDATES}, it tells the scorer the least score that still gets in, so that in a large
   * library the statements that cannot are skipped by their blocks' highest scores.
   */
  private List<Candidate> top(Query query) throws IOException {
    if (large) {
      List<Candidate> top = new ArrayList<>(CANDIDATES);
      for (ScoreDoc hit :
          searcher.search(query, new TopScoreDocCollectorManager(CANDIDATES, null, CANDIDATES))
              .scoreDocs) {
        top.add(new Candidate(hit.doc, hit.score)); // best first, ties in index order
      }
      return top;
    }
    Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.TOP_SCORES, 1f);
    List<Candidate> top = new ArrayList<>(CANDIDATES + 1);
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Scorer scorer = weight.scorer(leaf);
      if (scorer == null) {
        continue;
      }
      if (top.size() == CANDIDATES) {
        scorer.setMinCompetitiveScore(Math.nextUp(top.get(CANDIDATES - 1).score()));
      }
      // A scorer walks deleted statements too (a report replaced in place leaves its old ones).
      Bits live = leaf.reader().getLiveDocs();
      DocIdSetIterator docs = scorer.iterator();
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        if (live != null && !live.get(doc)) {
          continue;
        }
        float score = scorer.score();
        int at = top.size();
        while (at > 0 && top.get(at - 1).score() < score) {
          at--;
        }
        if (at < CANDIDATES) {
          top.add(at, new Candidate(leaf.docBase + doc, score));
          if (top.size() > CANDIDATES) {
            top.remove(CANDIDATES);
          }
          if (top.size() == CANDIDATES) {
            // A later statement scoring the same as the last one kept would come after it.
            scorer.setMinCompetitiveScore(Math.nextUp(top.get(CANDIDATES - 1).score()));
          }
        }
      }
    }
    return top;
  }
}
