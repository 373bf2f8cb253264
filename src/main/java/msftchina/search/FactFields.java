package msftchina.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import msftchina.facts.WordList;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthCharFilter;
import org.apache.lucene.analysis.core.TypeTokenFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The index's field names and the one analyser both the indexer and the searcher use.
 *
 * <p>Text is split by Unicode word rules, Chinese into overlapping bigrams, lower-cased, folded to
 * ASCII, stripped of possessives and of the stop words (Snowball's English stop list, the function
 * words of English, and {@code facts/stopwords.txt}: what that list lacks, such as question verbs
 * and chat filler), and stemmed (Porter), so that "customers" finds "customer" and "Who is…" finds
 * nothing by its question words alone.
 */
public final class FactFields {

  /** The fact's id: a single untokenized term, stored. */
  public static final String ID = "id";

  /** The title of the fact's report: stored for display only. */
  public static final String REPORT = "report";

  /**
   * The id of the fact's report (its folder's name): one exact term, to limit a search to it, and a
   * doc value, to tell whose a statement is while reading the whole index.
   */
  public static final String REPORT_ID = "report_id";

  /**
   * "yes" for the statements of a report with no word lists of its own: one exact term, to search
   * every such report at once with the shared lists.
   */
  static final String SHARED = "shared";

  /** The entities a fact names (from its facts file): exact terms, to count a report's subjects. */
  static final String ENTITY = "entity";

  /**
   * What a fact gives (entities, figures, years, measures): stored, read for the few candidates.
   */
  static final String GIVES_ENTITIES = "gives_entities";

  static final String GIVES_FIGURES = "gives_figures";
  static final String GIVES_YEARS = "gives_years";
  static final String GIVES_MEASURES = "gives_measures";

  /**
   * A word as written, lower-cased, then a NUL and its term: exact terms, so the nearest word to a
   * misspelling is drawn from the index, not from every statement's text on the heap.
   */
  static final String SURFACE = "surface";

  /** The sentence: analysed for search, and stored for display. */
  public static final String TEXT = "text";

  /** The citation numbers, comma-separated: stored for display only. */
  public static final String CITATIONS = "citations";

  /** The paragraph number: stored for display only. */
  public static final String PARAGRAPH = "paragraph";

  /** The sentence number within its paragraph: stored for display only. */
  public static final String POSITION = "position";

  /**
   * What a statement opens, searched to answer a request for a report's gist: {@link #OPENS_REPORT}
   * for its first, {@link #OPENS_PARAGRAPH} for the first of each other paragraph.
   */
  static final String OPENS = "opens";

  static final String OPENS_REPORT = "report";
  static final String OPENS_PARAGRAPH = "paragraph";

  /** The stop-word list's file name in {@code facts/}. */
  public static final String STOPWORDS_FILE = "stopwords.txt";

  /** The version of the index's layout and analysis; an index built with another is rebuilt. */
  public static final String FORMAT = "6";

  /** Snowball's English stop list, as Lucene ships it (BSD licence; snowballstem.org). */
  private static final String SNOWBALL_ENGLISH = "english_stop.txt";

  /**
   * Words whose Porter stem would be another word: "useful", "using" and "uses" all stem to "us",
   * the country, so a question about usefulness matched every statement naming the US.
   */
  private static final StemmerOverrideFilter.StemmerOverrideMap STEM_OVERRIDES = stemOverrides();

  /** Currencies named by their country ("US$1 billion"): an amount, not a mention of the US. */
  private static final NormalizeCharMap CURRENCIES = currencies();

  private FactFields() {}

  private static NormalizeCharMap currencies() {
    NormalizeCharMap.Builder builder = new NormalizeCharMap.Builder();
    builder.add("US$", "$");
    builder.add("U.S.$", "$");
    return builder.build();
  }

  private static StemmerOverrideFilter.StemmerOverrideMap stemOverrides() {
    StemmerOverrideFilter.Builder builder = new StemmerOverrideFilter.Builder(false);
    for (String[] pair :
        new String[][] {
          {"useful", "useful"},
          {"use", "use"},
          {"uses", "use"},
          {"used", "use"},
          {"using", "use"},
          {"user", "user"},
          {"users", "user"}
        }) {
      builder.add(pair[0], pair[1]);
    }
    try {
      return builder.build();
    } catch (IOException e) {
      throw new UncheckedIOException("building stem overrides in memory failed", e);
    }
  }

  /**
   * Returns Snowball's English stop list: the pronouns, auxiliaries and function words of English.
   */
  public static CharArraySet snowballStopWords() throws IOException {
    InputStream in = SnowballFilter.class.getResourceAsStream(SNOWBALL_ENGLISH);
    if (in == null) {
      throw new IOException(SNOWBALL_ENGLISH + " is missing from lucene-analysis-common");
    }
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return WordlistLoader.getSnowballWordSet(reader);
    }
  }

  /** Returns the stop words: Snowball's English list and those in {@code stopwordsFile}. */
  public static CharArraySet stopWords(Path stopwordsFile) throws IOException {
    CharArraySet words = new CharArraySet(snowballStopWords(), true);
    words.addAll(WordList.texts(stopwordsFile));
    return words;
  }

  /**
   * Returns the analyser for the facts and questions, with the stop words in {@code stopwordsFile}.
   */
  public static Analyzer analyzer(Path stopwordsFile) throws IOException {
    CharArraySet stopwords = CharArraySet.unmodifiableSet(stopWords(stopwordsFile));
    return new Analyzer() {
      @Override
      protected Reader initReader(String fieldName, Reader reader) {
        return new MappingCharFilter(CURRENCIES, new CJKWidthCharFilter(reader));
      }

      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = new TypeTokenFilter(source, Set.of("<EMOJI>"));
        stream = new CJKBigramFilter(stream);
        stream = new LowerCaseFilter(stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new EnglishPossessiveFilter(stream);
        stream = new StopFilter(stream, stopwords);
        stream = new StemmerOverrideFilter(stream, STEM_OVERRIDES);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(source, stream);
      }
    };
  }
}
