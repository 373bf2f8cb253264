package msftchina.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import msftchina.english.Lexicon;
import msftchina.english.Parts;

/**
 * The readings of English that a question's words alone don't carry: the years it names, words
 * negated with "non-", comparisons, what is merely paid for, and questions asking what something is
 * for.
 */
final class English {

  private static final Pattern SPACES = Pattern.compile("\\s+");

  private static final Pattern YEAR = Pattern.compile("(?<!\\d)(?:19|20)\\d\\d(?!\\d)");
  private static final Pattern YEAR_BEFORE =
      Pattern.compile(
          "\\b(?:the|a) (?:fiscal )?year (?:before|earlier)\\b|\\b(?:previous|prior|preceding) (?:fiscal )?year\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern NEGATED =
      Pattern.compile("(?<![\\p{L}\\p{N}])non-(\\p{L}[\\p{L}\\p{N}]*)", Pattern.CASE_INSENSITIVE);
  // What is paid for, sold to or compared with; not what a reason is given for ("the reason for
  // OpenAI staying out": OpenAI is asked about; Merriam-Webster, reason: a statement offered in
  // explanation, "the reason for").
  private static final Pattern ASIDE =
      Pattern.compile(
          "\\b(?:on|(?<!\\b(?:reasons?|rationale|explanation|justification|motives?|grounds|basis|given) )for|with|into|to|via|through|towards?|like|unlike|besides|except|excluding|other than|other|apart from|aside from|beyond|not counting"
              + "|(?:that|who|which) (?:isn['’]t|isnt|is not|aren['’]t|are not))\\s+(?:the\\s+|its\\s+|their\\s+)?$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern COMPARISON =
      Pattern.compile(
          "\\b(?:and|or|vs|versus|compared|comparison|than|both|either|between)\\b|[&+/,]",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern WHAT_FOR =
      Pattern.compile("^(?:what|wat|wut|whats|what's)\\b.*\\bfor\\W*$", Pattern.CASE_INSENSITIVE);

  /**
   * What sets members of a set aside (Quirk et al., A Comprehensive Grammar of the English
   * Language, chapter 9, prepositions of exception and addition): "besides", "apart from", "aside
   * from", "other than", "except", "excluding", "in addition to"; the noun phrase after it names
   * the members.
   */
  private static final Pattern SET_ASIDE =
      Pattern.compile(
          "\\b(?:besides|apart from|aside from|other than|except(?: for)?|excluding|in addition to"
              + "|not counting|(?:that|who|which) (?:isn['’]t|isnt|is not|aren['’]t|are not))\\s+",
          Pattern.CASE_INSENSITIVE);

  /** A proper name: capitalised words. */
  private static final String PROPER = "\\p{Lu}[\\p{L}\\d&.'’-]*(?:\\s+\\p{Lu}[\\p{L}\\d&.'’-]*)*";

  /**
   * Proper names coordinated with commas, "and", "or", "&" ("Tidewell, Marlow Pharma and Kestrel").
   */
  private static final Pattern NAMES =
      Pattern.compile(
          PROPER
              + "(?:(?:\\s*,\\s*(?:(?:and|or)\\s+)?|\\s+(?:and|or)\\s+|\\s*&\\s*)"
              + PROPER
              + ")*");

  /** Any other noun phrase: up to the end of its clause or the interrogative. */
  private static final Pattern PHRASE =
      Pattern.compile(
          ".+?(?=[,;:?!.]|\\s+(?:who|whom|which|what|is|are|was|were|do|does|did)\\b|$)",
          Pattern.CASE_INSENSITIVE);

  /**
   * A question asking for a description of what its subject names: "what is X like?" (Quirk et al.,
   * A Comprehensive Grammar of the English Language, chapter 11, wh-questions: "what … like" asks
   * for a description of the subject) and "how is X?"; X is what the question is about, the words
   * after it (where, when) only place it. The noun phrase ends where a preposition opens its
   * postmodifier ("the weather in Redmond").
   */
  private static final Pattern DESCRIBED =
      Pattern.compile(
          "^\\W*(?:so |and |but |ok |okay )?(?:what(?:'s|’s|s| is| was| are| were)\\s+(.+?)\\s+like\\b"
              + "|how(?:'s|’s|s| is| was| are| were)\\s+(?:the|its|their|his|her|your|ur|our)"
              // the noun phrase ends the clause ("how's the coffee?", "… at the firm?"), else the
              // question asks something of it ("how is the Windows maker able to…")
              + "((?:\\s+[\\p{L}-]+){1,3}?)(?=\\s*(?:[?!.,;:]|$)|\\s+(?:in|at|on|near|of|for|from"
              + "|around|with|by|about|over|under|across|inside|outside|between|among|today|now"
              + "|lately|recently|these days|this (?:week|month|year))\\b))",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern POSTMODIFIER =
      Pattern.compile(
          "\\s+(?:in|at|on|near|of|for|from|around|with|by|about|over|under|across|inside|outside)\\b.*$",
          Pattern.CASE_INSENSITIVE);

  /**
   * Who a question asks the plan or decision of: the subject between the auxiliary and the verb of
   * planning or deciding ("what are **lawmakers** planning", "what did **Congress** decide to do",
   * "is **Microsoft** going to…"), the one whose intention the verb reports (Quirk et al., A
   * Comprehensive Grammar of the English Language, chapter 4, future time; chapter 11, questions).
   */
  private static final Pattern PLANNER =
      Pattern.compile(
          "(?:\\b(?:what|how|when|where|why)\\s+|^\\W*)(?:is|are|was|were|will|would|does|do|did|has|have)"
              + "\\s+(.+?)\\s+(?:planning|plan|plans|planned|intend|intends|intending|going to|gonna"
              + "|decide|decided|deciding|do next)\\b",
          Pattern.CASE_INSENSITIVE);

  /** A word negated with "non-": the word, and the whole as written ("non-AI"). */
  record Negation(String word, String written) {}

  private static final String NAME = "(?:the\\s+)?([A-Z][\\w&.'’-]*(?:\\s+[A-Z][\\w&.'’-]*){0,3})";
  private static final Pattern SOURCE_BEFORE =
      Pattern.compile(
          "(?i:according to|reported by|per|via|citing|(?:read|saw|seen|heard|spotted)(?: it| this| that)? (?:in|on)"
              + "|(?:article|piece|story|report|post|thread|newsletter|podcast|headline|video) (?:in|on|from|by))\\s+"
              + NAME);
  private static final Pattern SOURCE_AFTER =
      Pattern.compile(
          NAME
              + "(?:'s|’s)?\\s+(?i:says|said|reports|reported|is reporting|wrote|writes|claims|claimed|article|piece|story|headline|newsletter|podcast)\\b");

  private static final Pattern OWNER =
      Pattern.compile("((?:[A-Z][\\w.&-]*\\s+){0,2}[A-Z][\\w.&-]*)['’]s\\s+((?:\\S+\\s*){1,3})");

  /** A name that owns what follows it ("Alibaba's Ant Group"): the name, and the next words. */
  record Owner(String name, String owned) {}

  private English() {}

  /** Returns the capitalised names of {@code text} that own something, with what they own. */
  static List<Owner> owners(String text) {
    List<Owner> owners = new ArrayList<>();
    Matcher m = OWNER.matcher(text);
    while (m.find()) {
      owners.add(new Owner(m.group(1), m.group(2)));
    }
    return owners;
  }

  /**
   * Returns the words, lower-cased, of the names {@code text} gives as where news came from
   * ("according to Reuters", "Bloomberg says", "saw it on Twitter"): a source is not what is asked
   * about.
   */
  static Set<String> sourceWords(String text) {
    Set<String> words = new java.util.HashSet<>();
    for (Pattern p : List.of(SOURCE_BEFORE, SOURCE_AFTER)) {
      Matcher m = p.matcher(text);
      while (m.find()) {
        for (String word : SPACES.split(m.group(1), -1)) {
          words.add(word.replaceAll("(?:'s|’s)$", "").toLowerCase(java.util.Locale.ROOT));
        }
      }
    }
    return words;
  }

  /**
   * Returns whether {@code word} is a year, such as 2019: a year the reports never name is a
   * subject they don't cover.
   */
  static boolean isYear(String word) {
    return YEAR.matcher(word).matches();
  }

  /**
   * A fiscal year by its abbreviation: "FY26", "fy 2026", "FY'26", "fy-26" (Merriam-Webster, FY:
   * fiscal year); two digits are a year of this century.
   */
  private static final Pattern FISCAL_YEAR =
      Pattern.compile(
          "\\bfy[ -]?['’]?(\\d{2}|(?:19|20)\\d{2})(?![\\d.,%])\\b", Pattern.CASE_INSENSITIVE);

  /**
   * Returns {@code text} with each fiscal year by its abbreviation written out ("fy26" as "fiscal
   * year 2026"), so that its year is read as one; a report's own names for its fiscal years are
   * rewritten before this.
   */
  static String withFiscalYears(String text) {
    Matcher m = FISCAL_YEAR.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    do {
      String digits = m.group(1);
      m.appendReplacement(out, "fiscal year " + (digits.length() == 2 ? "20" + digits : digits));
    } while (m.find());
    return m.appendTail(out).toString();
  }

  /** Returns the years named in {@code text}, such as 2024. */
  static Set<String> years(String text) {
    Set<String> years = new LinkedHashSet<>();
    Matcher m = YEAR.matcher(text);
    while (m.find()) {
      years.add(m.group());
    }
    return years;
  }

  /**
   * Returns the years {@code statement} speaks of: those it names, and the year before each when it
   * says "the year before" ("tripled in fiscal 2025, after a 400% surge the year before").
   */
  static Set<String> yearsSpokenOf(String statement) {
    Set<String> years = years(statement);
    if (YEAR_BEFORE.matcher(statement).find()) {
      List.copyOf(years).forEach(year -> years.add(String.valueOf(Integer.parseInt(year) - 1)));
    }
    return Set.copyOf(years);
  }

  /**
   * Returns the phrases of {@code question} that set members of a set aside: the names a "who else"
   * question asks besides ("OpenAI and Anthropic" in "besides OpenAI and Anthropic, who else…?").
   */
  static List<String> setAside(String question) {
    List<String> phrases = new ArrayList<>();
    Matcher m = SET_ASIDE.matcher(question);
    while (m.find()) {
      Matcher names = NAMES.matcher(question).region(m.end(), question.length());
      Matcher phrase = PHRASE.matcher(question).region(m.end(), question.length());
      if (names.lookingAt()) {
        phrases.add(names.group());
      } else if (phrase.lookingAt()) {
        phrases.add(phrase.group());
      }
    }
    return phrases;
  }

  /**
   * "Which committee did…", "what cut does…": a question word opening a sentence or clause (not a
   * relative "what" inside one: "keep tabs on what local players are doing"), up to four words and
   * the head noun of what is asked for, then the auxiliary that opens the question's clause (not
   * "which kinds of …", whose head is its kind).
   */
  private static final Pattern WHICH_REST =
      Pattern.compile(
          "\\s+((?:[\\w'’-]+\\s+){0,4}?)([\\w-]+)\\s+(?:is|are|was|were|do|does|did|has|have|had|can"
              + "|could|will|would|should)\\b",
          Pattern.CASE_INSENSITIVE);

  /** An auxiliary opening a question's clause, as a whole word. */
  private static final String AUXILIARY =
      "(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should)\\b";

  /**
   * "Which committee heard…": up to four words, none an auxiliary, and the head noun, then a verb
   * in the past that opens the clause's predicate, the head its subject (Quirk et al. 11.14,
   * wh-questions whose wh-element is the subject).
   */
  private static final Pattern WHICH_SUBJECT =
      Pattern.compile(
          "\\s+((?:(?!"
              + AUXILIARY
              + ")[\\w'’-]+\\s+){0,4}?)(?!"
              + AUXILIARY
              + ")([\\w-]+)\\s+([\\w-]+(?:ed|d))\\b",
          Pattern.CASE_INSENSITIVE);

  /** The words after which a question word opens a clause ("so which…", "ok what…"). */
  private static final Set<String> CLAUSE_OPENERS =
      Set.of("and", "so", "but", "ok", "okay", "hey", "hi");

  /**
   * The nouns for information itself: "what details are there on the partnership?" and "what info
   * do we have on ByteDance?" ask what the report says, not to have a detail named. WordNet 3.1's
   * synsets information.n.01 (information, info), data.n.01 (data), datum.n.01 (datum), detail.n.01
   * (detail), fact.n.01 (fact), statistic.n.01 (statistic), specific.n.01 (specifics),
   * particular.n.01 (particulars), news.n.01 (news) and update.n.01 (update), with their plurals.
   */
  private static final Set<String> INFORMATION =
      Set.of(
          "information",
          "info",
          "data",
          "datum",
          "detail",
          "details",
          "fact",
          "facts",
          "statistic",
          "statistics",
          "specifics",
          "particulars",
          "news",
          "update",
          "updates");

  /**
   * Returns the head noun of the thing a "which"/"what" question asks to have named or given
   * ("committee" in "which congressional committee did Brad Smith testify before?"), or null; never
   * a noun for information itself ({@link #INFORMATION}).
   */
  static String whichHead(String question) {
    String lower = question.toLowerCase(java.util.Locale.ROOT);
    for (int at = nextQuestionWord(lower, 0); at >= 0; at = nextQuestionWord(lower, at + 1)) {
      if (!opensClause(lower, at)) {
        continue;
      }
      int from = at + (lower.startsWith("which", at) ? 5 : 4);
      Matcher m = WHICH_REST.matcher(question);
      m.region(from, question.length());
      if (!m.lookingAt()) {
        m = WHICH_SUBJECT.matcher(question);
        m.region(from, question.length());
        if (!m.lookingAt() || !Parts.isParticiple(m.group(3))) {
          continue;
        }
      }
      String head = m.group(2);
      if ((" " + m.group(1)).contains(" of ")
          || INFORMATION.contains(head.toLowerCase(java.util.Locale.ROOT))
          || !Lexicon.wordNet().isWord(head)
          || Parts.of(head).charAt(0) != 'n') {
        return null;
      }
      return head;
    }
    return null;
  }

  /** Returns where the next "which" or "what" of {@code lower} starts, from {@code from}, or -1. */
  private static int nextQuestionWord(String lower, int from) {
    int which = lower.indexOf("which", from);
    int what = lower.indexOf("what", from);
    return which < 0 ? what : what < 0 ? which : Math.min(which, what);
  }

  /**
   * Returns whether the question word at {@code at} opens a sentence or clause: first, after a
   * mark, or after "and", "so", "ok"…; not a relative "what" inside one.
   */
  private static boolean opensClause(String lower, int at) {
    if (at > 0 && Character.isLetterOrDigit(lower.charAt(at - 1))) {
      return false; // inside a word ("somewhat")
    }
    int i = at - 1;
    while (i >= 0 && Character.isWhitespace(lower.charAt(i))) {
      i--;
    }
    if (i < 0 || ".,;:!?—-".indexOf(lower.charAt(i)) >= 0) {
      return true;
    }
    int end = i + 1;
    while (i >= 0 && Character.isLetter(lower.charAt(i))) {
      i--;
    }
    return CLAUSE_OPENERS.contains(lower.substring(i + 1, end));
  }

  /**
   * Returns the head word of what {@code question} asks to have described ("weather" in "what's the
   * weather like near the office?", "mood" in "how is the mood at the firm?"), or null when it asks
   * for no description.
   */
  static String described(String question) {
    Matcher m = DESCRIBED.matcher(question);
    if (!m.find()) {
      return null;
    }
    String phrase =
        m.group(2) != null ? m.group(2) : POSTMODIFIER.matcher(m.group(1)).replaceFirst("");
    String[] words = SPACES.split(phrase.strip(), -1);
    return words[words.length - 1];
  }

  /** "How many …", "the number of …": what follows is what the question counts. */
  private static final Pattern COUNTED =
      Pattern.compile(
          "\\b(?:how many|number of)\\s+((?:[\\p{L}'’-]+\\s*){1,3})", Pattern.CASE_INSENSITIVE);

  /** The auxiliaries that end the noun phrase a "how many" question counts. */
  private static final Set<String> AUXILIARIES =
      Set.of(
          "do", "does", "did", "is", "are", "was", "were", "has", "have", "had", "can", "could",
          "will", "would", "should", "may", "might");

  /**
   * Returns whether the lower-cased {@code word} is no noun or adjective of a noun phrase: an
   * auxiliary, a function word, a verb first, a participle.
   */
  private static boolean endsNounPhrase(String word) {
    return AUXILIARIES.contains(word)
        || org.apache.lucene.analysis.en.EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(word)
        || "na".indexOf(Parts.of(word).charAt(0)) < 0
        || Parts.isParticiple(word);
  }

  /**
   * Returns the words of what {@code question} counts ("Chinese companies" in "how many Chinese
   * companies use Azure?"): those after "how many" up to the first that is no noun or adjective (a
   * verb, a participle, an auxiliary, a function word), or null when it counts nothing named.
   */
  static String counted(String question) {
    Matcher m = COUNTED.matcher(question);
    if (!m.find()) {
      return null;
    }
    List<String> words = new ArrayList<>();
    for (String word : SPACES.split(m.group(1).strip(), -1)) {
      String w = word.toLowerCase(java.util.Locale.ROOT);
      if (endsNounPhrase(w)) {
        break;
      }
      words.add(word);
    }
    return words.isEmpty() ? null : words.get(words.size() - 1); // the head: "new customers"
  }

  /**
   * "What share of …", "what % of …": the words after "of" name the whole the question asks a share
   * of (Quirk et al. 5.9, the partitive: "a part of the revenue" is of that revenue).
   */
  private static final Pattern WHOLE =
      Pattern.compile(
          "(?:\\b(?:share|shares|percent|percentage|per cent|proportion|fraction|portion|part|slice|chunk|cut|piece)|%)"
              + "\\s+of\\s+((?:[\\p{L}\\d'’&.-]+\\s*){1,6})",
          Pattern.CASE_INSENSITIVE);

  /** The words that open a noun phrase and say nothing of what it names. */
  private static final Set<String> DETERMINERS =
      Set.of("the", "a", "an", "its", "their", "his", "her", "our", "my", "your", "this", "that");

  /**
   * Returns the words after "share of" in {@code question}, which name the whole it asks a share of
   * and may go on past it ("Microsoft's AI revenue comes from…"), or null when it asks no share of
   * anything named.
   */
  static String wholeAsked(String question) {
    Matcher m = WHOLE.matcher(question);
    return m.find() ? m.group(1) : null;
  }

  /**
   * Returns the nouns that narrow the whole named at the start of {@code words} ("Microsoft", "AI"
   * and "cloud" in "Microsoft AI cloud revenue comes from…"): those of its noun phrase before the
   * head noun, leaving out determiners and adjectives ("total", "global"), which say how much of
   * the whole, not which.
   */
  static List<String> wholeNarrowedBy(String words) {
    List<String> phrase = new ArrayList<>();
    for (String word : SPACES.split(words.strip(), -1)) {
      String w = word.toLowerCase(java.util.Locale.ROOT);
      if (phrase.isEmpty() && DETERMINERS.contains(w)) {
        continue;
      }
      if (w.endsWith("'s") || w.endsWith("’s")) {
        word = word.substring(0, word.length() - 2); // whose whole it is: "Tencent's revenue"
        w = w.substring(0, w.length() - 2);
      }
      if (endsNounPhrase(w)
          || !w.chars().allMatch(Character::isLetter)
          || Parts.isMostlyVerb(w)
          || (w.endsWith("s") && Parts.isMostlyVerb(w.substring(0, w.length() - 1)))) {
        break; // the verb after the noun phrase: "… revenue comes from China"
      }
      phrase.add(word);
    }
    if (phrase.size() < 2) {
      return List.of(); // the head noun alone: "a share of revenue"
    }
    return phrase.subList(0, phrase.size() - 1).stream()
        .filter(word -> Parts.of(word.toLowerCase(java.util.Locale.ROOT)).charAt(0) == 'n')
        .toList();
  }

  /**
   * Returns who {@code question} asks the plan or decision of ("lawmakers" in "what are lawmakers
   * planning?"), or null when it names none.
   */
  static String planner(String question) {
    Matcher m = PLANNER.matcher(question);
    return m.find() ? m.group(1) : null;
  }

  /** Returns the words of {@code text} negated with "non-". */
  static List<Negation> negations(String text) {
    List<Negation> negations = new ArrayList<>();
    Matcher m = NEGATED.matcher(text);
    while (m.find()) {
      negations.add(new Negation(m.group(1), m.group()));
    }
    return negations;
  }

  /**
   * Returns whether text ending in {@code before} puts what follows aside: paid for, sold to or
   * compared with ("spend on", "like").
   */
  static boolean isAside(String before) {
    return ASIDE.matcher(before).find();
  }

  /**
   * Returns whether {@code question} compares or lists things ("Tencent or ByteDance?"), rather
   * than asking about them together.
   */
  static boolean compares(String question) {
    return COMPARISON.matcher(question).find();
  }

  /**
   * Returns whether {@code question} asks what something is for ("what are the models used for?").
   */
  static boolean asksWhatFor(String question) {
    return WHAT_FOR.matcher(question).matches();
  }
}
