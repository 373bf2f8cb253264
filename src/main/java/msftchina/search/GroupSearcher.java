package msftchina.search;

import java.io.IOException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.BM25Similarity;

/**
 * A searcher over the library's one index that scores a group's statements as if they were the
 * index alone: BM25's statistics of the text (how many statements, how long they are on average,
 * how many use a term) are the group's, so a report's answers don't move when reports are added
 * beside it.
 *
 * <p>NOTE: safe for concurrent use, as every {@link IndexSearcher}.
 */
final class GroupSearcher extends IndexSearcher {

  private final Vocabulary vocabulary;

  /** Creates a searcher over {@code reader} with the statistics of a group's {@code vocabulary}. */
  GroupSearcher(IndexReader reader, Vocabulary vocabulary) {
    super(reader);
    this.vocabulary = vocabulary;
    // As Retriever.searcher: no query cache for an index of sentences.
    setQueryCache(null);
    setSimilarity(new BM25Similarity(Retriever.BM25_K1, Retriever.BM25_B));
  }

  @Override
  public TermStatistics termStatistics(Term term, int docFreq, long totalTermFreq)
      throws IOException {
    if (!term.field().equals(FactFields.TEXT)) {
      return super.termStatistics(term, docFreq, totalTermFreq);
    }
    int own = vocabulary.docFreq(term.text());
    // BM25 reads the document frequency only; the total frequency is at least it.
    return own == 0 ? null : new TermStatistics(term.bytes(), own, own);
  }

  @Override
  public CollectionStatistics collectionStatistics(String field) throws IOException {
    if (!field.equals(FactFields.TEXT) || vocabulary.sumDocFreq() == 0) {
      return super.collectionStatistics(field);
    }
    long docs = Math.min(vocabulary.statements(), vocabulary.sumDocFreq());
    return new CollectionStatistics(
        field,
        getIndexReader().maxDoc(),
        docs,
        Math.max(vocabulary.tokens(), vocabulary.sumDocFreq()),
        vocabulary.sumDocFreq());
  }
}
