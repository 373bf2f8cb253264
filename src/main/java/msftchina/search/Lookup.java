package msftchina.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
import org.apache.lucene.search.TermQuery;

/**
 * Looks statements up by their words rather than answering a question: every statement matching, in
 * report order. The words are read by Lucene's {@link SimpleQueryParser}: all words must match;
 * {@code "a phrase"}, {@code -exclude}, {@code prefix*} and {@code a | b} work as they read, a lone
 * {@code *} lists every statement, and no input makes it throw.
 *
 * <p>NOTE: safe for concurrent use; it shares the library's one searcher.
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

  private final KnowledgeBase kb;

  /** Creates a lookup over the reports of {@code kb}, as they stand at each lookup. */
  public Lookup(KnowledgeBase kb) {
    this.kb = kb;
  }

  /** Returns every statement matching {@code words}, in report order. */
  public Found find(String words) {
    String text = words;
    if (text.length() > MAX_WORDS) {
      int space = text.lastIndexOf(' ', MAX_WORDS);
      text = text.substring(0, space > 0 ? space : MAX_WORDS); // whole words only
    }
    Query query = new Parser(kb.analyzer()).parse(text);
    return new Found(words, query == null ? List.of() : kb.with(library -> search(library, query)));
  }

  /** Returns every statement of every report, in report order. */
  public List<Fact> all() {
    return kb.with(library -> search(library, new MatchAllDocsQuery()));
  }

  /** Returns the first {@code max} statements (at most), in report order, reading no more. */
  public List<Fact> first(int max) {
    return kb.with(
        library -> {
          List<Fact> first = new ArrayList<>();
          for (ReportInfo report : library.catalog()) {
            if (first.size() >= max) {
              break;
            }
            List<Fact> own =
                search(library, new TermQuery(new Term(FactFields.REPORT_ID, report.id())));
            first.addAll(own.subList(0, Math.min(own.size(), max - first.size())));
          }
          return first;
        });
  }

  private static List<Fact> search(Library library, Query query) {
    IndexSearcher searcher = library.searcher();
    try {
      ScoreDoc[] hits;
      try {
        // A queue as long as the hits, not the index: Lucene fills it before searching.
        hits = searcher.search(query, Math.max(1, searcher.count(query))).scoreDocs;
      } catch (IndexSearcher.TooManyClauses e) {
        return List.of(); // a lookup too wide to run matches nothing rather than failing
      }
      StoredFields stored = searcher.storedFields();
      Map<String, Integer> order = new HashMap<>();
      library.catalog().forEach(r -> order.put(r.id(), order.size()));
      List<Fact> facts = new ArrayList<>();
      List<Integer> reports = new ArrayList<>();
      for (ScoreDoc hit : hits) {
        Document doc = stored.document(hit.doc);
        facts.add(Statements.fact(doc));
        reports.add(order.getOrDefault(doc.get(FactFields.REPORT_ID), order.size()));
      }
      List<Integer> sorted = new ArrayList<>();
      for (int i = 0; i < facts.size(); i++) {
        sorted.add(i);
      }
      sorted.sort(
          Comparator.<Integer>comparingInt(reports::get)
              .thenComparingInt(i -> facts.get(i).paragraph())
              .thenComparingInt(i -> facts.get(i).position()));
      return sorted.stream().map(facts::get).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
