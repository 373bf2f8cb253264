package msftchina.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which sentences of a long Slack message are read first as its question. */
class QuestionInMessageTest {

  @ParameterizedTest(name = "\"{0}\" is read first as \"{1}\"")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Morning all. Long week ahead of us with the offsite and the budget review. Who is Microsoft's biggest customer in China? Thanks! | Who is Microsoft's biggest customer in China?
          Hey team, client is asking whether Tencent uses Microsoft's AI. I told them I'd check with the research pod before the call. Thanks all | Hey team, client is asking whether Tencent uses Microsoft's AI.
          Quick one before the partner meeting this afternoon. The MD wonders how Microsoft sells GPT models in China. Cheers, back at four | The MD wonders how Microsoft sells GPT models in China.
          Hi all, the deck is in the usual folder. I need to know what share of revenue China was for Microsoft. Cheers, see you at four | I need to know what share of revenue China was for Microsoft.
          """)
  void readsTheSentencesThatAskFirst(String message, String first) {
    List<String> readings = QuestionInMessage.readings(message);

    assertEquals(first, readings.get(0));
  }

  @Test
  void readsTheQuestionWithoutItsPreambleOnlyAfterTheWholeMessage() {
    String message =
        "Hi team — ahead of tomorrow's readout, can somebody summarize how the report positions"
            + " Microsoft? Keep it short please, the MD hates long bullets";

    List<String> readings = QuestionInMessage.readings(message);

    assertEquals(
        List.of(
            "Hi team — ahead of tomorrow's readout, can somebody summarize how the report"
                + " positions Microsoft?",
            message,
            "can somebody summarize how the report positions Microsoft?"),
        readings.subList(readings.size() - 3, readings.size()));
  }

  @ParameterizedTest(name = "\"{0}\" asks \"{1}\"")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Hi team — ahead of tomorrow's readout, can somebody summarize the report?   | can somebody summarize the report?
          per our chat this morning — does the report say when results come out?      | does the report say when results come out?
          our client runs ops in Shanghai, is Microsoft's presence there for them?    | is Microsoft's presence there for them?
          who is Microsoft's biggest customer?                                        | who is Microsoft's biggest customer?
          # a question embedded after a verb of asking or knowing: who asks is no part of it
          our GC asked why Microsoft can sell GPT models in China                     | why Microsoft can sell GPT models in China
          the board wonders whether China is material to Microsoft                    | whether China is material to Microsoft
          # a yes/no question embedded by "whether", after any words
          for the Acme pack the chair wants a line on whether Microsoft still sells AI | whether Microsoft still sells AI
          # a second question joined by "and" is no preamble
          what's the share — and how did it grow?                                     | what's the share — and how did it grow?
          """)
  void aPreambleSetOffBeforeTheQuestionIsLeftOut(String sentence, String question) {
    assertEquals(question, QuestionInMessage.withoutPreamble(sentence));
  }

  @ParameterizedTest(name = "\"{0}\" is read whole")
  @CsvSource({
    "is Tencent a customer?",
    "what does the report say about Tencent, Meituan and Ant Group?",
  })
  void aShortMessageIsReadWhole(String message) {
    assertEquals(List.of(message), QuestionInMessage.readings(message));
  }

  @ParameterizedTest(name = "\"{0}\" is read whole, then as \"{1}\"")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          client is asking whether Tencent uses Microsoft's AI      | whether Tencent uses Microsoft's AI
          our GC asked why Microsoft can sell GPT models in China?  | why Microsoft can sell GPT models in China?
          ok so, who testified to Congress?                         | who testified to Congress?
          """)
  void aShortMessageIsReadWholeThenWithoutItsPreamble(String message, String question) {
    assertEquals(List.of(message, question), QuestionInMessage.readings(message));
  }
}
