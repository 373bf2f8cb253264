package msftchina.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import msftchina.facts.Fact;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

/**
 * Looks statements up by their words rather than answering a question: every statement matching, in
 * report order. The words are read by Lucene's {@link SimpleQueryParser}: all words must match;
 * {@code "a phrase"}, {@code -exclude}, {@code prefix*} and {@code a | b} work as they read, a lone
 * {@code *} lists every statement, and no input makes it throw.
 *
 * <p>NOTE: safe for concurrent use; it shares one searcher per report's index.
 */
public final class Lookup {

  /** The longest lookup read, in characters; the words after it are ignored. */
  public static final int MAX_WORDS = 500;

  /**
   * What a lookup found.
   *
   * @param words the lookup as typed
   * @param statements every statement matching, in report order
   */
  public record Found(String words, List<Fact> statements) {

    public Found {
      statements = List.copyOf(statements);
    }
  }

  private final List<FactIndex> indexes;
  private final List<IndexSearcher> searchers;

  /** Creates a lookup over {@code indexes}, in the order their reports are named. */
  public Lookup(List<FactIndex> indexes) {
    this.indexes = List.copyOf(indexes);
    this.searchers = this.indexes.stream().map(i -> new IndexSearcher(i.reader())).toList();
  }

  /** Returns every statement matching {@code words}, in report order. */
  public Found find(String words) {
    String text = words;
    if (text.length() > MAX_WORDS) {
      int space = text.lastIndexOf(' ', MAX_WORDS);
      text = text.substring(0, space > 0 ? space : MAX_WORDS); // whole words only
    }
    List<Fact> found = new ArrayList<>();
    for (int i = 0; i < indexes.size(); i++) {
      Query query = new Parser(indexes.get(i).analyzer()).parse(text);
      if (query != null) {
        found.addAll(search(i, query));
      }
    }
    return new Found(words, found);
  }

  /** Returns every statement of every report, in report order. */
  public List<Fact> all() {
    List<Fact> all = new ArrayList<>();
    for (int i = 0; i < indexes.size(); i++) {
      all.addAll(search(i, new MatchAllDocsQuery()));
    }
    return all;
  }

  private List<Fact> search(int report, Query query) {
    IndexSearcher searcher = searchers.get(report);
    try {
      int max = Math.max(1, searcher.getIndexReader().maxDoc());
      ScoreDoc[] hits;
      try {
        hits = searcher.search(query, max).scoreDocs;
      } catch (IndexSearcher.TooManyClauses e) {
        return List.of(); // a lookup too wide to run matches nothing rather than failing
      }
      StoredFields stored = searcher.storedFields();
      List<Fact> facts = new ArrayList<>();
      for (ScoreDoc hit : hits) {
        facts.add(fact(stored.document(hit.doc)));
      }
      facts.sort(Comparator.comparingInt(Fact::paragraph).thenComparingInt(Fact::position));
      return facts;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Fact fact(Document doc) {
    String citations = doc.get(FactFields.CITATIONS);
    List<Integer> numbers =
        citations == null || citations.isEmpty()
            ? List.of()
            : Arrays.stream(citations.split(",")).map(Integer::valueOf).toList();
    return new Fact(
        doc.get(FactFields.ID),
        doc.get(FactFields.REPORT),
        doc.getField(FactFields.PARAGRAPH).numericValue().intValue(),
        doc.getField(FactFields.POSITION).numericValue().intValue(),
        doc.get(FactFields.TEXT),
        numbers);
  }

  /**
   * The simple query syntax over the statements' text, all words required; a prefix is analysed as
   * the indexed words were (lower-cased, folded, stemmed), so {@code Customers*} finds "customer".
   */
  private static final class Parser extends SimpleQueryParser {

    Parser(Analyzer analyzer) {
      // Fuzzy (~) and proximity operators are left out: "~~" would match every short word.
      super(
          analyzer,
          Map.of(FactFields.TEXT, 1f),
          AND_OPERATOR
              | OR_OPERATOR
              | NOT_OPERATOR
              | PREFIX_OPERATOR
              | PHRASE_OPERATOR
              | PRECEDENCE_OPERATORS
              | ESCAPE_OPERATOR
              | WHITESPACE_OPERATOR);
      setDefaultOperator(BooleanClause.Occur.MUST);
    }

    @Override
    protected Query newPrefixQuery(String text) {
      String prefix = indexed(text);
      return prefix.isEmpty()
          ? new MatchNoDocsQuery() // a lone * is not a lookup of everything
          : new PrefixQuery(new Term(FactFields.TEXT, prefix));
    }

    private String indexed(String text) {
      List<String> terms = new ArrayList<>();
      try (TokenStream stream = getAnalyzer().tokenStream(FactFields.TEXT, text)) {
        CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
        stream.reset();
        while (stream.incrementToken()) {
          terms.add(term.toString());
        }
        stream.end();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return terms.size() == 1 ? terms.get(0) : text.toLowerCase(Locale.ROOT);
    }
  }
}
