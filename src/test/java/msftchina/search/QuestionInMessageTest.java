package msftchina.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
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

  @ParameterizedTest(name = "\"{0}\" is read whole")
  @CsvSource({
    "is Tencent a customer?",
    "client is asking whether Tencent uses Microsoft's AI",
  })
  void aShortMessageIsReadWhole(String message) {
    assertEquals(List.of(message), QuestionInMessage.readings(message));
  }
}
