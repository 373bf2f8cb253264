package msftchina.search;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Whether a message asks for the gist of the report itself ("summarize the report", "tl;dr?",
 * "what's this report about?", "key takeaways?", "这份报告讲了什么？") rather than about something in it: it
 * asks for a summary and says nothing else but words of courtesy, of documents and of length. Such
 * a request is answered with the report's opening statements, which state what it is about;
 * "summarize what the report says about ByteDance" asks about ByteDance, and is searched.
 *
 * <p>The words are English's and Chinese's for a summary (Merriam-Webster: summary, summarize, sum
 * up, gist, overview, synopsis, recap, takeaway "a main point or key message to be learned",
 * upshot, bottom line "the essential point", nutshell, headline, thesis, findings, conclusion;
 * tl;dr "too long; didn't read", a summary's label online; 总结, 概括, 概要, 摘要, 要点, 概述, 主要内容).
 */
final class Gist {

  /** The nouns for a document that a request for its gist may name ("summarize the report"). */
  private static final List<String> DOCUMENTS =
      List.of(
          "report",
          "writeup",
          "write-up",
          "paper",
          "document",
          "doc",
          "piece",
          "study",
          "article",
          "brief",
          "memo",
          "research");

  private static final String DOCUMENT = "(?:" + String.join("|", DOCUMENTS) + ")";

  /**
   * What asks for a summary, in a message lower-cased (faster than matching case-insensitively).
   */
  private static final Pattern ASKS =
      Pattern.compile(
          "\\b(?:summar(?:y|ies|ize|ise|ized|ised|izing|ising)|sum (?:it |this |that )?up"
              + "|gist|overview|synopsis|recap|tl;? ?dr|take-?aways?|upshot|bottom line"
              + "|(?:in a )?nutshell|headlines?|thesis|(?:key|main) (?:points?|messages?|findings?"
              + "|conclusions?|ideas?|themes?)|findings|conclusions?"
              + "|what(?:'s|’s| is) (?:this|the|that) "
              + DOCUMENT
              + " about|what (?:does|do) (?:this|the|that) "
              + DOCUMENT
              + " (?:say|says|cover|argue|conclude|find)"
              + ")\\b|总结|概括|概要|摘要|要点|重点|概述|主要内容|核心观点|主要观点|讲了什么|说了什么|讲的是什么|讲什么");

  /**
   * Words a request for the gist may have besides: the document asked about, courtesy, how short
   * the summary should be (and where it goes: a bullet, a slide), and Chinese particles.
   */
  private static final Set<String> BESIDES =
      Stream.concat(
              DOCUMENTS.stream(),
              Stream.of(
                  "reports",
                  "briefly",
                  "please",
                  "pls",
                  "plz",
                  "thanks",
                  "thank",
                  "thx",
                  "ty",
                  "quick",
                  "quickly",
                  "short",
                  "shortly",
                  "one-line",
                  "one-liner",
                  "sentence",
                  "sentences",
                  "bullet",
                  "bullets",
                  "point",
                  "points",
                  "line",
                  "lines",
                  "word",
                  "words",
                  "slide",
                  "overall",
                  "main",
                  "key",
                  "top",
                  "single",
                  "hi",
                  "hey",
                  "hello",
                  "team",
                  "folks",
                  "everyone",
                  "all"))
          .collect(Collectors.toUnmodifiableSet());

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’-][\\p{L}\\p{N}]+)*");

  private static final Pattern CHINESE_FILLER =
      Pattern.compile("报告|这份|这篇|本份|本篇|该|一下|请|帮我|给我|简单|简要|地|的|是|什么|了|吗|呢|吧|下|个|一|份|篇|能|可以|你|我们|我");

  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

  /**
   * What each request for a summary has, one at least, looked for before {@link #ASKS}: most
   * questions have none, and finding none is cheaper than scanning with the whole pattern.
   */
  private static final List<String> CLUES =
      Stream.concat(
              Stream.of(
                  "summar",
                  "sum ",
                  "gist",
                  "overview",
                  "synopsis",
                  "recap",
                  "tl;",
                  "tl ",
                  "tldr",
                  "take",
                  "upshot",
                  "bottom line",
                  "nutshell",
                  "headline",
                  "thesis",
                  "key ",
                  "main ",
                  "finding",
                  "conclusion"),
              DOCUMENTS.stream())
          .toList();

  private Gist() {}

  /** Returns whether {@code lower} has a clue of {@link #CLUES}, or any CJK character. */
  private static boolean mayAsk(String lower) {
    for (String clue : CLUES) {
      if (lower.indexOf(clue) >= 0) {
        return true;
      }
    }
    return lower.chars().anyMatch(c -> c >= 0x2E80);
  }

  /**
   * Returns whether {@code message} asks for the report's gist and nothing else: every word besides
   * those asking for a summary is one that {@code saysLittle} (a stop word, an everyday word) or
   * one of {@link #BESIDES}, and no Chinese is left but particles.
   */
  static boolean asked(String message, Predicate<String> saysLittle) {
    if (message == null || !mayAsk(message.toLowerCase(Locale.ROOT))) {
      return false;
    }
    String lower = Question.clean(message).toLowerCase(Locale.ROOT);
    Matcher m = ASKS.matcher(lower);
    if (!m.find()) {
      return false;
    }
    String rest = m.replaceAll(" ");
    if (HAN.matcher(CHINESE_FILLER.matcher(rest).replaceAll("")).find()) {
      return false;
    }
    Matcher w = WORD.matcher(rest);
    while (w.find()) {
      String word = w.group();
      if (HAN.matcher(word).find()
          || word.chars().allMatch(Character::isDigit)
          || BESIDES.contains(word)
          || saysLittle.test(word)) {
        continue;
      }
      return false;
    }
    return true;
  }
}
