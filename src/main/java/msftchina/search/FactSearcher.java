package msftchina.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import msftchina.facts.Fact;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
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
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.util.BytesRef;

/**
 * Answers questions from a {@link FactIndex}. The question's words are analysed as the facts were,
 * misspelt words are matched to the nearest word of the report, and the question is refused when
 * the report covers too little of it: a missing name, or too small a share of the question's weight
 * (words weighted by how rare they are in the report).
 *
 * <p>User text never reaches a query parser: the query is built from analysed terms only.
 *
 * <p>NOTE: instances are immutable and safe for concurrent use.
 */
public final class FactSearcher {

  /** The most facts an answer gives. */
  public static final int MAX_FACTS = 3;

  /** The least share of a question's weight the report must cover to answer. */
  static final double MIN_COVERAGE = 0.5;

  /** The share of a question's weight above which an answer is a strong match. */
  static final double STRONG_COVERAGE = 0.8;

  /** Facts scoring below this share of the best fact's score are left out. */
  static final double RELATIVE_CUTOFF = 0.3;

  /** The most distinct words of a question that are searched. */
  static final int MAX_TERMS = 64;

  private static final float FUZZY_BOOST = 0.8f;

  /**
   * BM25's length normalisation, lower than Lucene's 0.75: the facts are single sentences, and a
   * long sentence is not less about its words than a short one. Chosen on the tuning set.
   */
  static final float BM25_B = 0.4f;

  /** BM25's term-frequency saturation, Lucene's default. */
  static final float BM25_K1 = 1.2f;

  /**
   * How much an unknown Chinese word weighs against an unknown English one: Chinese questions carry
   * particles and grammar words between the names, which the report never has.
   */
  static final double UNKNOWN_CHINESE_WEIGHT = 0.05;

  /**
   * How much an unknown word weighs against the rarest word of the reports. Most unknown words are
   * a reader's own wording around the subject; names, years and the subjects in {@code names.txt}
   * are refused outright. Chosen on the tuning sets.
   */
  static final double UNKNOWN_WORD_WEIGHT = 0.35;

  /** How many of the best-matching facts are weighed against what a question asks for. */
  static final int CANDIDATES = 32;

  /**
   * An entity named in at least this share of the facts is a subject of the reports, not a detail.
   */
  static final double SUBJECT_SHARE = 0.5;

  private final IndexSearcher searcher;
  private final Analyzer analyzer;
  private final Thesaurus thesaurus;
  private final Names names;
  private final Map<String, Set<String>> entities;
  private final Set<String> subjects;
  private final Figures figures;
  private final Set<String> measures;
  private final List<FactTraits> traits;
  private final Map<String, Integer> vocabulary;
  private final Map<String, TermStates> termStates;
  private final Map<String, String> surfaces;
  private final Fact[] facts;
  private final List<List<Word>> factWords;
  private final int factCount;

  /**
   * Creates a searcher over {@code index}, rewriting questions with {@code thesaurus} and refusing
   * questions about {@code names} the reports never mention, and weighing the {@code figures} a
   * question asks for.
   */
  public FactSearcher(FactIndex index, Thesaurus thesaurus, Names names, Figures figures)
      throws IOException {
    DirectoryReader reader = index.reader();
    this.searcher = new IndexSearcher(reader);
    // Caching filters pays off for large indexes only; for sentences it is pure overhead, and
    // its usage tracking is synchronized across request threads.
    this.searcher.setQueryCache(null);
    this.searcher.setSimilarity(new BM25Similarity(BM25_K1, BM25_B));
    this.analyzer = index.analyzer();
    this.thesaurus = thesaurus;
    this.names = names;
    this.vocabulary = vocabulary(reader);
    this.termStates = termStates(searcher, vocabulary.keySet());
    this.facts = storedFacts(reader);
    this.factWords = Arrays.stream(facts).map(f -> analyse(f.text())).toList();
    this.surfaces = surfaces();
    this.factCount = Math.max(1, reader.numDocs());
    this.entities = entityTerms(thesaurus.entities());
    this.figures = figures;
    this.measures =
        figures.measures().stream()
            .flatMap(m -> analyse(thesaurus.rewrite(m)).stream())
            .map(Word::term)
            .collect(Collectors.toUnmodifiableSet());
    this.traits = IntStream.range(0, facts.length).mapToObj(this::traits).toList();
    Map<String, Long> named =
        traits.stream()
            .flatMap(t -> t.entities().stream())
            .collect(Collectors.groupingBy(e -> e, Collectors.counting()));
    this.subjects =
        named.entrySet().stream()
            .filter(e -> e.getValue() >= SUBJECT_SHARE * factCount)
            .map(Map.Entry::getKey)
            .collect(Collectors.toUnmodifiableSet());
  }

  private FactTraits traits(int doc) {
    String text = facts[doc].text();
    Set<String> terms =
        factWords.get(doc).stream().map(Word::term).collect(Collectors.toUnmodifiableSet());
    return new FactTraits(terms, named(terms), Reading.yearsSpokenOf(text), figures.givenIn(text));
  }

  /** Returns each entity's terms, for entities that have any. */
  private Map<String, Set<String>> entityTerms(List<String> names) {
    Map<String, Set<String>> terms = new LinkedHashMap<>();
    for (String name : names) {
      Set<String> own =
          analyse(name).stream().map(Word::term).collect(Collectors.toUnmodifiableSet());
      if (!own.isEmpty()) {
        terms.put(name, own);
      }
    }
    return Collections.unmodifiableMap(terms);
  }

  /**
   * Returns the entities all of whose terms are among {@code terms}, so a misspelt name still
   * counts once resolved.
   */
  private Set<String> named(Set<String> terms) {
    Set<String> named = new LinkedHashSet<>();
    entities.forEach(
        (name, own) -> {
          if (terms.containsAll(own)) {
            named.add(name);
          }
        });
    return named;
  }

  /** Returns the report's answer to {@code question}; never throws on any text. */
  public Answer search(String question) {
    String cleaned = Question.clean(question);
    String text =
        thesaurus.rewrite(
            Question.withoutPossessives(
                Reading.asksWhatFor(cleaned) ? cleaned + " purposes" : cleaned));
    List<Word> words = words(text);
    if (words.isEmpty()) {
      return new Answer(question, List.of(), List.of(), Answer.Strength.NOTHING_ASKED);
    }
    List<String> otherNames =
        names.in(text).stream().filter(name -> !mentioned(name)).distinct().toList();
    if (!otherNames.isEmpty()) {
      return new Answer(question, List.of(), otherNames, Answer.Strength.NOT_IN_REPORT);
    }
    boolean shouting = isShouting(cleaned);
    Set<String> possessors = Question.possessors(cleaned);
    Map<String, Float> terms = new LinkedHashMap<>();
    Map<String, Integer> starts = new HashMap<>();
    List<String> missing = new ArrayList<>();
    boolean missingName = false;
    double covered = 0;
    double total = 0;
    for (Word word : words) {
      Integer df = vocabulary.get(word.term());
      String resolved = word.term();
      float boost = 1f;
      if (df == null) {
        resolved = nearest(word);
        df = resolved == null ? null : vocabulary.get(resolved);
        boost = FUZZY_BOOST;
      }
      double weight =
          idf(df == null ? 0 : df)
              * (df == null
                  ? (isChinese(word.surface()) ? UNKNOWN_CHINESE_WEIGHT : UNKNOWN_WORD_WEIGHT)
                  : 1);
      total += weight;
      if (df == null) {
        missing.add(word.surface());
        missingName |=
            Reading.isYear(word.surface())
                || !shouting
                    && !word.first()
                    && Character.isUpperCase(word.surface().codePointAt(0))
                || possessors.contains(word.surface().toLowerCase(Locale.ROOT));
      } else {
        covered += weight;
        terms.merge(resolved, boost, Math::max);
        starts.putIfAbsent(resolved, word.start());
      }
    }
    double coverage = covered / total;
    if (terms.isEmpty() || missingName || coverage < MIN_COVERAGE) {
      return new Answer(question, List.of(), missing, Answer.Strength.NOT_IN_REPORT);
    }
    List<String> negated = negated(cleaned);
    if (!negated.isEmpty()) {
      return new Answer(question, List.of(), negated, Answer.Strength.NOT_IN_REPORT);
    }
    Asked asked = asked(cleaned, text, starts, words);
    List<Match> matches = search(terms, asked);
    if (matches.isEmpty() && asked.constrains()) {
      return new Answer(
          question, List.of(), List.of(asked.description()), Answer.Strength.NOT_IN_REPORT);
    }
    Answer.Strength strength =
        coverage >= STRONG_COVERAGE ? Answer.Strength.STRONG : Answer.Strength.PARTIAL;
    return new Answer(
        question, matches, missing, matches.isEmpty() ? Answer.Strength.NOT_IN_REPORT : strength);
  }

  private Asked asked(String cleaned, String text, Map<String, Integer> starts, List<Word> words) {
    Set<String> named = named(starts.keySet());
    named.removeAll(subjects);
    // What is paid for, sold to or compared with ("spend on Azure", "like ByteDance") is not what
    // is asked about.
    named.removeIf(
        name ->
            Reading.isAside(
                text.substring(
                    0, entities.get(name).stream().mapToInt(starts::get).min().orElse(0))));
    Map<String, String> measured = new LinkedHashMap<>();
    for (Word word : words) {
      if (measures.contains(word.term())) {
        measured.putIfAbsent(word.term(), word.surface());
      }
    }
    return new Asked(
        figures.askedIn(cleaned),
        Reading.years(cleaned),
        named,
        !Reading.compares(cleaned),
        measured);
  }

  private List<Match> search(Map<String, Float> terms, Asked asked) {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    terms.forEach(
        (term, boost) -> {
          Query q = new TermQuery(new Term(FactFields.TEXT, term), termStates.get(term));
          query.add(boost == 1f ? q : new BoostQuery(q, boost), BooleanClause.Occur.SHOULD);
        });
    List<ScoreDoc> top;
    try {
      top = topHits(query.build());
    } catch (IOException e) {
      throw new UncheckedIOException("search failed on the open index", e);
    }
    if (asked.constrains()) {
      double least = top.isEmpty() ? 0 : top.get(0).score * RELATIVE_CUTOFF;
      List<ScoreDoc> answering =
          top.stream()
              .filter(hit -> hit.score >= least && asked.answeredBy(traits.get(hit.doc)))
              .toList();
      if (answering.isEmpty()) {
        return List.of();
      }
      List<ScoreDoc> ordered = new ArrayList<>(answering);
      top.stream().filter(hit -> !answering.contains(hit)).forEach(ordered::add);
      top = ordered;
    }
    List<Match> matches = new ArrayList<>();
    for (ScoreDoc hit : top) {
      if (matches.size() == MAX_FACTS || hit.score < top.get(0).score * RELATIVE_CUTOFF) {
        break;
      }
      Fact fact = facts[hit.doc];
      matches.add(new Match(fact, hit.score, spans(factWords.get(hit.doc), terms.keySet())));
    }
    return matches;
  }

  /**
   * Returns the {@link #CANDIDATES} best hits of {@code query}, best first, ties by index order. It
   * walks each segment's scorer itself: Lucene's bulk scorers allocate windows of thousands of
   * slots per query, which for an index of sentences cost more than the search.
   */
  private List<ScoreDoc> topHits(Query query) throws IOException {
    Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE, 1f);
    List<ScoreDoc> top = new ArrayList<>(CANDIDATES + 1);
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Scorer scorer = weight.scorer(leaf);
      if (scorer == null) {
        continue;
      }
      DocIdSetIterator docs = scorer.iterator();
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        float score = scorer.score();
        int at = top.size();
        while (at > 0 && top.get(at - 1).score < score) {
          at--;
        }
        if (at < CANDIDATES) {
          top.add(at, new ScoreDoc(leaf.docBase + doc, score));
          if (top.size() > CANDIDATES) {
            top.remove(CANDIDATES);
          }
        }
      }
    }
    return top;
  }

  /** Returns the character ranges of a fact's {@code words} whose term is one of {@code terms}. */
  private static List<Match.Span> spans(List<Word> words, Set<String> terms) {
    List<Match.Span> spans = new ArrayList<>();
    for (Word word : words) {
      if (terms.contains(word.term())) {
        Match.Span last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
        if (last != null && word.start() < last.end()) {
          spans.set(
              spans.size() - 1, new Match.Span(last.start(), Math.max(last.end(), word.end())));
        } else {
          spans.add(new Match.Span(word.start(), word.end()));
        }
      }
    }
    return spans;
  }

  /** A term of analysed text, with the characters it came from. */
  private record Word(String term, String surface, int start, int end, boolean first) {}

  /** Returns the distinct terms of a question, at most {@link #MAX_TERMS}. */
  private List<Word> words(String text) {
    Map<String, Word> distinct = new LinkedHashMap<>();
    for (Word word : analyse(text)) {
      if (distinct.size() == MAX_TERMS) {
        break;
      }
      distinct.putIfAbsent(word.term(), word);
    }
    return List.copyOf(distinct.values());
  }

  private List<Word> analyse(String text) {
    List<Word> words = new ArrayList<>();
    int firstLetter = firstLetter(text);
    try (TokenStream stream = analyzer.tokenStream(FactFields.TEXT, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        int start = offset.startOffset();
        int end = offset.endOffset();
        words.add(
            new Word(
                term.toString(), text.substring(start, end), start, end, start == firstLetter));
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysing text in memory failed", e);
    }
    return words;
  }

  /** Returns whether every term of {@code name} is a word of the reports. */
  private boolean mentioned(String name) {
    List<Word> terms = analyse(name);
    return !terms.isEmpty() && terms.stream().allMatch(w -> vocabulary.containsKey(w.term()));
  }

  /**
   * Returns the report words of {@code text} negated by "non-", as written ("non-AI"): the report's
   * statements about them don't answer.
   */
  private List<String> negated(String text) {
    return Reading.negations(text).stream()
        .filter(n -> analyse(n.word()).stream().anyMatch(w -> vocabulary.containsKey(w.term())))
        .map(Reading.Negation::written)
        .toList();
  }

  private static boolean isChinese(String s) {
    return s.codePoints()
        .anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
  }

  private static int firstLetter(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isLetterOrDigit(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /** Returns whether most letters of {@code text} are capitals, as when a user shouts. */
  private static boolean isShouting(String text) {
    long upper = text.chars().filter(Character::isUpperCase).count();
    long lower = text.chars().filter(Character::isLowerCase).count();
    return upper > lower;
  }

  /**
   * Returns the term of the report's word nearest to a misspelt {@code word}, or null when none is
   * near. Words are compared as written (lower-cased), since stems of misspellings drift.
   */
  private String nearest(Word word) {
    String typed = Question.withoutPossessives(word.surface()).toLowerCase(Locale.ROOT);
    int allowed =
        typed.length() < 4 || typed.chars().anyMatch(Character::isDigit)
            ? 0
            : typed.length() < 7 ? 1 : 2;
    String best = null;
    int bestDistance = allowed + 1;
    int[][] table = new int[typed.length() + 1][typed.length() + allowed + 1];
    for (Map.Entry<String, String> entry : surfaces.entrySet()) {
      String candidate = entry.getKey();
      if (allowed == 0
          || Math.abs(candidate.length() - typed.length()) > allowed
          || candidate.chars().anyMatch(Character::isDigit)) {
        continue;
      }
      int d = EditDistance.of(typed, candidate, allowed, table);
      if (d < bestDistance
          || (d == bestDistance
              && best != null
              && vocabulary.get(entry.getValue()) > vocabulary.get(best))) {
        best = entry.getValue();
        bestDistance = d;
      }
    }
    return best;
  }

  /** Returns each word of the facts as written, lower-cased, with the term it is indexed as. */
  private Map<String, String> surfaces() {
    Map<String, String> surfaces = new HashMap<>();
    for (List<Word> words : factWords) {
      for (Word word : words) {
        if (vocabulary.containsKey(word.term())) {
          surfaces.putIfAbsent(
              Question.withoutPossessives(word.surface()).toLowerCase(Locale.ROOT), word.term());
        }
      }
    }
    return Map.copyOf(surfaces);
  }

  private double idf(int docFreq) {
    return Math.log(1 + (factCount - docFreq + 0.5) / (docFreq + 0.5));
  }

  /**
   * Returns each term's statistics and postings pointers, looked up once: the index never changes
   * while it is open, so a question needn't seek its terms in the term dictionary.
   */
  private static Map<String, TermStates> termStates(IndexSearcher searcher, Set<String> terms)
      throws IOException {
    Map<String, TermStates> states = new HashMap<>();
    for (String term : terms) {
      states.put(term, TermStates.build(searcher, new Term(FactFields.TEXT, term), true));
    }
    return Map.copyOf(states);
  }

  private static Map<String, Integer> vocabulary(DirectoryReader reader) throws IOException {
    Map<String, Integer> vocabulary = new HashMap<>();
    Terms terms = MultiTerms.getTerms(reader, FactFields.TEXT);
    if (terms != null) {
      TermsEnum it = terms.iterator();
      for (BytesRef term = it.next(); term != null; term = it.next()) {
        vocabulary.put(term.utf8ToString(), it.docFreq());
      }
    }
    return Map.copyOf(vocabulary);
  }

  private static Fact[] storedFacts(DirectoryReader reader) throws IOException {
    Fact[] facts = new Fact[reader.maxDoc()];
    StoredFields stored = reader.storedFields();
    for (int i = 0; i < facts.length; i++) {
      Document doc = stored.document(i);
      String citations = doc.get(FactFields.CITATIONS);
      facts[i] =
          new Fact(
              doc.get(FactFields.ID),
              doc.get(FactFields.REPORT),
              doc.getField(FactFields.PARAGRAPH).numericValue().intValue(),
              doc.getField(FactFields.POSITION).numericValue().intValue(),
              doc.get(FactFields.TEXT),
              citations.isEmpty()
                  ? List.of()
                  : Arrays.stream(citations.split(",")).map(Integer::valueOf).toList());
    }
    return facts;
  }
}
