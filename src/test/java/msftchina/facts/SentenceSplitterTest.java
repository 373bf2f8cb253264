package msftchina.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A paragraph splits into the sentences a reader sees, no more and no fewer. */
class SentenceSplitterTest {

  static Stream<Arguments> paragraphs() {
    return Stream.of(
        // Quoted speech stays whole, however many sentences it holds.
        Arguments.of(
            "straight quote of three sentences is one sentence",
            "He said, \"The models are good. The customers are big. It's pretty awesome.\" Then he left.",
            List.of(
                "He said, \"The models are good. The customers are big. It's pretty awesome.\"",
                "Then he left.")),
        Arguments.of(
            "curly quote of three sentences is one sentence",
            "She said, \u201CFirst we build. Then we sell! Who else could?\u201D It worked.",
            List.of(
                "She said, \u201CFirst we build. Then we sell! Who else could?\u201D",
                "It worked.")),
        Arguments.of(
            "quote without a stop of its own, closed by a cited stop",
            "Althoff said, \"The world\u2019s best AI is built here. The one company is Microsoft. It\u2019s pretty awesome\" [1, 2, 3, 4]. The meeting ended.",
            List.of(
                "Althoff said, \"The world\u2019s best AI is built here. The one company is Microsoft. It\u2019s pretty awesome\" [1, 2, 3, 4].",
                "The meeting ended.")),
        Arguments.of(
            "quote closing a question, sentence going on in lower case",
            "\"Is it growing?\" she asked. Yes, it is.",
            List.of("\"Is it growing?\" she asked.", "Yes, it is.")),
        Arguments.of(
            "quote ending the paragraph",
            "He said, \"Done. Really done.\"",
            List.of("He said, \"Done. Really done.\"")),
        // Numbers.
        Arguments.of(
            "decimal percentage",
            "China was about 1.5% of revenue in 2024. It is small.",
            List.of("China was about 1.5% of revenue in 2024.", "It is small.")),
        Arguments.of(
            "percentage ends a sentence",
            "China was about 1.5%. It is small.",
            List.of("China was about 1.5%.", "It is small.")),
        Arguments.of(
            "currency with decimals",
            "ByteDance spends over US$1.5 billion a year. Others spend less.",
            List.of("ByteDance spends over US$1.5 billion a year.", "Others spend less.")),
        // Abbreviations.
        Arguments.of(
            "U.S. inside a sentence",
            "The U.S. Congress heard testimony. It was long.",
            List.of("The U.S. Congress heard testimony.", "It was long.")),
        Arguments.of(
            "Inc. inside a sentence",
            "Tencent Holdings Inc. buys Azure models. Meituan does too.",
            List.of("Tencent Holdings Inc. buys Azure models.", "Meituan does too.")),
        Arguments.of(
            "Mr. and Dr. before names",
            "Mr. Smith testified. Dr. Jones agreed with Mr. Smith.",
            List.of("Mr. Smith testified.", "Dr. Jones agreed with Mr. Smith.")),
        Arguments.of(
            "e.g. inside a sentence",
            "Some firms, e.g. Tencent, use Azure. Others do not.",
            List.of("Some firms, e.g. Tencent, use Azure.", "Others do not.")),
        // Citation markers stay with their sentence.
        Arguments.of(
            "citation marker before the final stop",
            "Microsoft sells AI models [1, 2]. ByteDance buys them [3].",
            List.of("Microsoft sells AI models [1, 2].", "ByteDance buys them [3].")),
        Arguments.of(
            "citation marker after the final stop",
            "Microsoft sells AI models. [1, 2] ByteDance buys them. [3]",
            List.of("Microsoft sells AI models. [1, 2]", "ByteDance buys them. [3]")),
        Arguments.of(
            "citation marker right after the final stop, no space",
            "Microsoft sells AI models.[1-4] ByteDance buys them.[2]",
            List.of("Microsoft sells AI models.[1-4]", "ByteDance buys them.[2]")),
        Arguments.of(
            "several citation markers after the final stop",
            "Revenue tripled. [1] [2] It grew again.",
            List.of("Revenue tripled. [1] [2]", "It grew again.")),
        // Other stops.
        Arguments.of(
            "question and exclamation marks",
            "Is China a threat? Lawmakers think so! They said it.",
            List.of("Is China a threat?", "Lawmakers think so!", "They said it.")),
        // No final stop.
        Arguments.of(
            "paragraph without a final stop",
            "Microsoft continues to expand in China",
            List.of("Microsoft continues to expand in China")),
        Arguments.of(
            "last sentence without a final stop",
            "Revenue tripled. Microsoft continues to expand in China",
            List.of("Revenue tripled.", "Microsoft continues to expand in China")),
        Arguments.of(
            "surrounding white space is dropped",
            "   One sentence here.   Another one.  ",
            List.of("One sentence here.", "Another one.")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("paragraphs")
  void splitsParagraphIntoSentences(String description, String paragraph, List<String> expected) {
    assertEquals(expected, SentenceSplitter.split(paragraph));
  }
}
