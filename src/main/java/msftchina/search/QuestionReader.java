package msftchina.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import msftchina.english.EverydayWords;
import msftchina.english.PhysicalNouns;
import msftchina.english.ProperNouns;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * Reads a question against one report: finds the question inside a longer message, rewrites other
 * names and words to the report's, matches misspelt words to the report's, weighs how much of the
 * question the report's words cover, and reads what it asks for (a kind of figure, years, entities,
 * measures).
 *
 * <p>User text never reaches a query parser: only analysed terms leave this class.
 *
 * <p>NOTE: immutable, safe for concurrent use.
 */
final class QuestionReader {

  private static final Pattern SPACES = Pattern.compile("\\s+");

  /** The most distinct words of a question that are searched. */
  static final int MAX_TERMS = 64;

  /** How much a misspelt word, matched to the report's nearest word, weighs in the query. */
  static final float FUZZY_BOOST = 0.8f;

  /**
   * How much more a figure the question quotes ("1.5", "400") weighs in the query than a word: a
   * statement giving the very figure is the one the question is about ("which year was the 1.5% of
   * revenue for?" is about 2.1, not the statement saying "year" twice).
   */
  static final float FIGURE_BOOST = 2f;

  /**
   * How much an unknown Chinese word weighs against an unknown English one: Chinese questions carry
   * particles and grammar words between the names, which the report never has.
   */
  static final double UNKNOWN_CHINESE_WEIGHT = 0.05;

  private final Knowledge knowledge;
  private final Vocabulary vocabulary;
  private final Set<String> subjects;
  private final EverydayMatch everyday;
  private final AskedReader askedReader;

  QuestionReader(Knowledge knowledge, Vocabulary vocabulary, Set<String> subjects) {
    this.knowledge = knowledge;
    this.vocabulary = vocabulary;
    this.subjects = Set.copyOf(subjects);
    this.everyday = new EverydayMatch(knowledge, vocabulary);
    this.askedReader = new AskedReader(knowledge, this.subjects);
  }

  /**
   * Returns {@code question} as read; never throws on any text. In a long message, the sentences
   * that ask something are read first; the whole message when they alone can't be answered.
   */
  Reading read(String question, DecisionModel model) {
    if (Gist.asked(question, this::saysNothing)) {
      return Reading.ofGist(question);
    }
    Reading reading = null;
    EverydayMatch.Message message = everyday.of(question);
    List<String> first = QuestionInMessage.firstReadings(question);
    for (String part : first) {
      reading = readPart(question, Question.clean(part), model, message);
      if (reading.refusal() == null) {
        return reading;
      }
    }
    // the questions without their preambles, found only when every other reading refuses
    for (String part : QuestionInMessage.lastReadings(question, first)) {
      reading = readPart(question, Question.clean(part), model, message);
    }
    return reading; // when all refuse, the last reading's refusal
  }

  private Reading readPart(
      String question, String cleaned, DecisionModel model, EverydayMatch.Message message) {
    String text =
        English.withFiscalYears(
            knowledge.thesaurus.rewrite(
                Question.withoutPossessives(
                    Question.withoutRegard(
                        English.asksWhatFor(cleaned) ? cleaned + " purposes" : cleaned))));
    List<Word> words = knowledge.analysis.distinctWords(text, MAX_TERMS);
    if (words.isEmpty()) {
      return Reading.refused(question, Refusal.Reason.NOTHING_ASKED, List.of());
    }
    Set<String> asides = asides(cleaned);
    List<String> otherNames =
        knowledge.names.in(text).stream()
            .filter(name -> !mentioned(name) && !asides.contains(name.toLowerCase(Locale.ROOT)))
            .distinct()
            .toList();
    if (!otherNames.isEmpty()) {
      return Reading.refused(question, Refusal.Reason.NAME_NOT_IN_REPORT, otherNames);
    }
    boolean shouting = isShouting(cleaned);
    Set<String> possessors = Question.possessors(cleaned);
    // A place inside the report's own ("Silicon Valley", "Hangzhou") is no name it never mentions;
    // read when a capitalised word first needs it.
    Set<String> places = null;
    Set<String> asking = null; // the words asking for a figure or a detail, once a word is unknown
    Figures.Asking kinds = null; // what they ask for, read then or for the question's details
    Map<String, Float> terms = new LinkedHashMap<>();
    Map<String, Integer> starts = new HashMap<>();
    List<String> unknown = new ArrayList<>();
    List<Word> unknownWords = new ArrayList<>();
    boolean unknownName = false;
    Set<String> own = ownTerms(cleaned); // counts only in a message naming no entity, below
    double ownCovered = 0;
    double covered = 0;
    double total = 0;
    double littleSaid = 0;
    for (Word word : words) {
      boolean known = vocabulary.has(word.term());
      String resolved = known ? word.term() : vocabulary.nearest(word);
      float boost = known ? 1f : FUZZY_BOOST;
      if (!known) {
        message.looked(word, resolved);
      }
      if (resolved == null && asides.contains(word.surface().toLowerCase(Locale.ROOT))) {
        continue; // where the reader saw the news weighs nothing, and names nothing asked about
      }
      // A word asking for a kind of figure or a detail ("a meaningful chunk of…") says what the
      // statement must give, which the figures and details asked are checked for, not what the
      // question is about; a capitalised one may be a name ("in Outlook").
      if (resolved == null && !capitalisedAsTyped(word, shouting)) {
        String lower = word.surface().toLowerCase(Locale.ROOT);
        if (asking == null && knowledge.figures.mayAsk(lower)) {
          kinds = knowledge.figures.asking(cleaned);
          asking = knowledge.figures.askingWords(cleaned, kinds);
        }
        if (asking != null && asking.contains(lower)) {
          continue;
        }
      }
      double weight =
          resolved != null
              ? vocabulary.idf(resolved)
              : vocabulary.idf(word.term())
                  * (isChinese(word.surface())
                      ? UNKNOWN_CHINESE_WEIGHT
                      : model.unknownWeight(
                          Question.withoutPossessives(word.surface()).toLowerCase(Locale.ROOT)));
      total += weight;
      if (resolved == null) {
        if (saysLittle(word.surface())) {
          littleSaid += weight;
        }
        unknown.add(word.surface());
        unknownWords.add(word);
        // a common proper noun is a name however it is typed ("next tuesday", "in london")
        boolean capitalised =
            capitalisedAsTyped(word, shouting) || ProperNouns.isProper(word.surface());
        if (capitalised && places == null) {
          places = knowledge.names.placeWordsIn(text);
        }
        unknownName |=
            English.isYear(word.surface())
                || (capitalised && !places.contains(word.surface().toLowerCase(Locale.ROOT)))
                || possessors.contains(word.surface().toLowerCase(Locale.ROOT));
      } else {
        covered += weight;
        ownCovered += own.contains(resolved) ? weight : 0;
        terms.merge(
            resolved,
            boost * (resolved.chars().anyMatch(Character::isDigit) ? FIGURE_BOOST : 1f),
            Math::max);
        starts.putIfAbsent(resolved, word.start());
      }
    }
    double coverage = covered / total;
    if (unknownName) {
      return Reading.refused(
          question, Refusal.Reason.NAME_NOT_IN_REPORT, asWritten(text, unknownWords));
    }
    // Everyday words alone ("the best place to get coffee") occur in any text.
    if (terms.isEmpty() || coverage < model.minCoverage() || message.only(cleaned)) {
      return Reading.refused(
          question, Refusal.Reason.WORDS_NOT_IN_REPORT, asWritten(text, unknownWords));
    }
    // What the question asks to have described is a physical thing or a natural phenomenon, a real,
    // informative English word the report never uses ("what's the weather like near the office?"):
    // the question is about something else. A relation, a state or a feeling ("how is the
    // relationship between…", "what's the mood like among…") may be what a statement describes.
    String described = English.described(cleaned);
    if (described != null
        && PhysicalNouns.isPhysical(described)
        && everyday.informativeUnused(described)) {
      return Reading.refused(question, Refusal.Reason.WORDS_NOT_IN_REPORT, List.of(described));
    }
    List<String> negated = negated(cleaned);
    if (!negated.isEmpty()) {
      return Reading.refused(question, Refusal.Reason.NEGATED, negated);
    }
    // A message that names none of the report's entities needs more of its informative words in
    // the report ("our biggest customer wants a discount"): the report's subject unnamed, they must
    // carry it. Everyday words it doesn't use ("where will the new factory be?") say little.
    // What the asker calls their own ("do our benefits cover…") is not the report's, whatever the
    // report says of a benefit.
    if ((covered - ownCovered) / (total - littleSaid) < model.minCoverageUnnamed()
        && !message.namesEntity()) {
      return Reading.refused(
          question, Refusal.Reason.WORDS_NOT_IN_REPORT, asWritten(text, unknownWords));
    }
    Asked asked =
        askedReader.read(
            cleaned,
            text,
            starts,
            words,
            kinds != null ? kinds : knowledge.figures.asking(cleaned));
    // What a "which" question asks to have named is a word the report never uses ("which
    // committee did Brad Smith testify before?"): no statement names one.
    String head = English.whichHead(cleaned);
    if (head != null
        && !saysLittle(head)
        && unknownWords.stream().anyMatch(w -> w.surface().equalsIgnoreCase(head))) {
      asked = asked.withDetail(Figures.named(head));
    }
    return new Reading(question, terms, unknown, coverage, asked, null);
  }

  /**
   * Returns the words, lower-cased, of names that say where the news came from ("according to
   * Reuters") or whose one of the report's entities is ("Alibaba's Ant Group", "Pony Ma's
   * Tencent"): they are not what is asked about, and weigh nothing.
   */
  private Set<String> asides(String cleaned) {
    Set<String> words = new java.util.HashSet<>(English.sourceWords(cleaned));
    for (English.Owner owner : English.owners(knowledge.thesaurus.rewrite(cleaned))) {
      Set<String> owned = knowledge.analysis.terms(owner.owned());
      if (knowledge.entitiesIn(owned).stream().anyMatch(e -> !subjects.contains(e))) {
        for (String word : SPACES.split(owner.name(), -1)) {
          words.add(word.toLowerCase(Locale.ROOT));
        }
      }
    }
    return words;
  }

  /**
   * Returns whether {@code word} was typed capitalised where case tells: not first in its sentence,
   * nor in a message typed all in capitals ({@code shouting}).
   */
  private static boolean capitalisedAsTyped(Word word, boolean shouting) {
    return !shouting && !word.first() && Character.isUpperCase(word.surface().codePointAt(0));
  }

  /** Returns the report's terms for the words {@code cleaned} says are the asker's own. */
  private Set<String> ownTerms(String cleaned) {
    Set<String> own = Question.askersOwn(cleaned);
    if (own.isEmpty()) {
      return own;
    }
    Set<String> terms = new java.util.HashSet<>();
    for (String word : own) {
      terms.addAll(knowledge.analysis.terms(knowledge.thesaurus.rewrite(word)));
    }
    return terms;
  }

  /**
   * Returns whether {@code word} says little of what a question is about: an everyday English word
   * ("new", "place") or one of Lucene's English stop words, the function words ("will").
   */
  private static boolean saysLittle(String word) {
    return EverydayWords.isEveryday(word)
        || EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(word.toLowerCase(Locale.ROOT));
  }

  /** Returns whether {@code word} is a stop word of the report's or {@link #saysLittle}. */
  private boolean saysNothing(String word) {
    return saysLittle(word) || knowledge.analysis.terms(word).isEmpty();
  }

  /** Returns whether every term of {@code name} is a word of the report. */
  private boolean mentioned(String name) {
    List<Word> terms = knowledge.analysis.words(name);
    return !terms.isEmpty() && terms.stream().allMatch(w -> vocabulary.has(w.term()));
  }

  /**
   * Returns the report words of {@code text} negated by "non-", as written ("non-AI"): the report's
   * statements about them don't answer.
   */
  private List<String> negated(String text) {
    return English.negations(text).stream()
        .filter(
            n ->
                knowledge.analysis.words(n.word()).stream().anyMatch(w -> vocabulary.has(w.term())))
        .map(English.Negation::written)
        .toList();
  }

  /**
   * Returns the surfaces of {@code words} as the asker wrote them: Chinese, indexed as overlapping
   * pairs of characters ("今天", "天午", "午饭"), is named as the run of characters they cover ("今天午饭"),
   * never as a pair that is no word.
   */
  private static List<String> asWritten(String text, List<Word> words) {
    List<String> written = new ArrayList<>();
    int runStart = -1;
    int runEnd = -1;
    for (Word word : words) {
      boolean chinese = isChinese(word.surface());
      if (chinese && runStart >= 0 && word.start() <= runEnd && word.start() >= runStart) {
        runEnd = Math.max(runEnd, word.end());
        continue;
      }
      if (runStart >= 0) {
        written.add(text.substring(runStart, runEnd));
        runStart = -1;
      }
      if (chinese) {
        runStart = word.start();
        runEnd = word.end();
      } else {
        written.add(word.surface());
      }
    }
    if (runStart >= 0) {
      written.add(text.substring(runStart, runEnd));
    }
    return written;
  }

  private static boolean isChinese(String s) {
    return s.codePoints()
        .anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
  }

  /** Returns whether most letters of {@code text} are capitals, as when a user shouts. */
  private static boolean isShouting(String text) {
    long upper = text.chars().filter(Character::isUpperCase).count();
    long lower = text.chars().filter(Character::isLowerCase).count();
    return upper > lower;
  }
}
