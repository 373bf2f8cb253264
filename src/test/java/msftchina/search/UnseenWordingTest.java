package msftchina.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import msftchina.app.Wording;
import msftchina.testing.BundledReport;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The readings that carry over to wording nobody tuned for: the question inside a long Slack
 * message, where the reader saw the news, a parent or chief executive written beside a company,
 * questions phrased as the opposite of a statement, comparisons with a figure, and counting the
 * names a statement lists.
 */
class UnseenWordingTest {

  @RegisterExtension static final BundledReport kb = new BundledReport();

  @ParameterizedTest(name = "\"{0}\" is answered first by {1}")
  @CsvSource(
      delimiterString = " => ",
      textBlock =
          """
          hey team :wave: I was reading the FT piece on Microsoft in China last night <https://ft.com/x|link>. Pretty wild stuff honestly, Sarah from sales keeps bringing it up. Who is Microsoft's biggest AI customer over there? => 1.2
          <@U123ABC> saw this on Twitter this morning, someone from Goldman was quoting it. So how fast did Azure AI revenue grow in China last fiscal year? Asking for the quarterly deck. => 4.1
          Bloomberg says ByteDance spends over a billion a year on Microsoft AI, is that right? => 1.2
          Happy Monday team 🎉 can someone check which Chinese company spends the most on Microsoft's AI and cloud services these days => 1.2
          Two things for the deck, thanks in advance. Who handled the Harbor Group deal last spring? And by how much did Azure AI revenue in China grow in fiscal 2025? => 4.1
          According to Reuters, what share of Microsoft revenue came from China in 2024? => 2.1
          Alibaba's Ant Group uses Azure AI? => 1.3
          is Microsoft pulling back from China? => 6.1
          is Microsoft winding down its AI sales in China? => 6.1
          is Azure AI revenue in China shrinking? => 4.1
          was China more than 1% of Microsoft's revenue in 2024? => 2.1
          how many Chinese firms does the report name as Azure AI users? => 1.3
          which Chinese firms run on Azure AI models? => 1.3
          how much did Azure AI revenue in China expand in fiscal 2025? => 4.1
          when will Microsoft next report on its China AI business? => 6.2
          whos msfts bigest ai custmer in china => 1.2
          how much revenu does microsfot make in china => 2.1
          besides ByteDance, which other Chinese firms use Azure AI? => 1.3
          beyond the top account, which other Chinese names are there? => 1.3
          will Microsoft keep selling AI models in China? => 6.1
          does Microsoft keep growing its AI sales in China? => 6.1
          is Microsoft still growing its AI business in China? => 6.1
          who at Microsoft has been cheering the China AI growth? => 4.2
          did anyone senior at Microsoft celebrate the AI growth in China? => 4.2
          what happened after the 400% surge? => 4.1
          how is the relationship between Microsoft and ByteDance? => 1.2
          need a Chinese reference customer for Azure AI that isn't ByteDance — who could I name? => 1.3
          why does Microsoft stay in China when it's only 1.5% of its revenue? => 2.2
          how come Microsoft can sell GPT models in China when OpenAI won't? => 3.2
          why do lawmakers worry about China's AI push? => 5.1
          any quote from a Microsoft executive about China? => 4.2
          how fast is Azure AI growing in China? numbers, not quotes => 4.1
          our GC asked why Microsoft can sell GPT models to Chinese firms when OpenAI won't => 3.2
          how do Silicon Valley CEOs see China's AI push? => 5.1
          do Chinese companies use Microsoft's models to automate customer service? => 3.1
          what is the outlook for Microsoft's AI business in China? => 6.1
          what does the 400% figure refer to? => 4.1
          what does 1.5% refer to? => 2.1
          who said Microsoft is the one company bringing together the US and China? => 4.2
          what share of Microsoft revenue came from the People's Republic in 2024? => 2.1
          who is Microsoft's biggest AI customer in the world's second-largest economy? => 1.2
          why does Microsoft keep a presence in China if it's such a tiny part of its revenue? => 2.2
          what is the ByteDance deal worth? => 1.2
          who stated that Microsoft is the one company bringing the US and Chinese AI together? => 4.2
          which year was the 1.5% of revenue for? => 2.1
          is China a meaningful chunk of Microsoft's revenue? => 2.1
          what did Brad Smith tell Congress about China? => 2.1
          which executive described Microsoft as the bridge between American and Chinese AI? => 4.2
          when will Microsoft publish new China AI numbers? => 6.2
          what did Judson Althoff say about China? => 4.2
          what does Microsoft say it gets from staying in China? => 2.2
          """)
  void answeredByTheStatementThatSaysIt(String question, String statement) {
    Answer answer = kb.ask(question);
    assertTrue(
        answer.answered(), () -> question + " was refused: " + Wording.ENGLISH.refusal(answer));
    assertEquals("msft-china-ai:" + statement, answer.matches().get(0).fact().id());
  }

  @ParameterizedTest(name = "\"{0}\" is refused")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Does Kuaishou use Azure AI?                            | The report doesn't say anything about Kuaishou.
          Nvidia's biggest AI customer in China?                 | The report doesn't say anything about Nvidia.
          does Microsoft sell AI models to firms in Moscow?      | The report doesn't say anything about Moscow.
          does Tencent use Azure AI to build its chatbots?       | The report doesn't say anything about a use or purpose for Tencent together with Azure.
          On what date did Brad Smith testify to Congress?       | The report doesn't say anything about the exact date for Brad Smith.
          does Meituan spend more than $1 billion a year on Azure like ByteDance does? | The report doesn't say anything about spending for Meituan.
          is there a decent cafe near the office?                | The report doesn't say anything about decent or cafe.
          what's the weather like near the Redmond office this year? | The report doesn't say anything about weather.
          how do I turn on dark mode in Outlook?                 | The report doesn't say anything about turn, dark, mode or Outlook.
          Which specific GPT models does Microsoft sell in China? | The report doesn't say which specific GPT models Microsoft sells in China.
          is the partner meeting moved to next tuesday?          | The report doesn't say anything about moved or tuesday.
          what will Azure AI growth in China be in fy26?         | The report doesn't say anything about 2026.
          """)
  void refusedNamingWhatIsMissing(String question, String refusal) {
    Answer answer = kb.ask(question);
    assertFalse(answer.answered(), () -> question + " got " + answer.matches());
    assertEquals(refusal, Wording.ENGLISH.refusal(answer));
  }

  @ParameterizedTest(name = "\"{0}\": the report doesn't say, closest {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          How much does Tencent spend on Microsoft AI?           | 1.3
          What is Ant Group's revenue?                           | 1.3
          On what date did Brad Smith testify to Congress?       | 2.1
          when did Brad Smith testify?                           | 2.1
          besides OpenAI and Anthropic, who else refuses to sell models to Chinese firms? | 3.2
          what are lawmakers planning to do about Microsoft's AI sales to China? | 5.1
          besides Brad Smith, who else testified to Congress?    | 2.1
          what happened after Brad Smith testified to Congress?  | 2.1
          what are US lawmakers planning to do about China's AI push? | 5.1
          how long is ByteDance's contract with Microsoft?       | 1.2
          does Meituan use Microsoft's models for customer service automation? | 1.3
          does OpenAI get a cut of Microsoft's GPT sales in China? | 3.2
          did ByteDance's spending with Microsoft go up or down this year? | 1.2
          what have lawmakers proposed to do about China's AI push? | 5.1
          how many people attended Microsoft's July 2025 internal meeting? | 4.2
          how much does Microsoft charge Chinese customers for GPT access? | 3.2
          how much is Tencent's Azure deal worth?                | 1.3
          did Brad Smith's testimony cause any backlash?         | 2.1
          did Tencent cancel its Azure contract?                 | 1.3
          has Washington restricted Microsoft's AI sales to Chinese firms? | 1.1
          is the OpenAI partnership being renegotiated?          | 3.2
          what has OpenAI said about Microsoft's GPT sales in China? | 3.2
          """)
  void nearTopicQuestionsAreRefusedShowingTheClosestStatement(String question, String closest) {
    Answer answer = kb.ask(question);
    assertFalse(answer.answered(), () -> question + " got " + answer.matches());
    assertEquals(Refusal.Reason.DETAIL_NOT_IN_REPORT, answer.refusal().reason());
    assertEquals("msft-china-ai:" + closest, answer.related().get(0).fact().id());
  }

  @ParameterizedTest(name = "\"{0}\" is refused with nothing shown as closest")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Does Kuaishou use Azure AI?
          is there a decent cafe near the office?
          what's the capital of France?
          what's the best place to get coffee around here
          who won the world cup
          when is the next public holiday
          what are the biggest companies in the world
          who's walking up the hill after lunch?
          best dim sum in the Middle Kingdom?
          any good restaurants in Silicon Valley?
          do our benefits cover mental health services?
          what's 400 times 2?
          is 1.5 liters of water enough per day?
          """)
  void otherRefusalsShowNothingAsClosest(String question) {
    Answer answer = kb.ask(question);
    assertFalse(answer.answered(), () -> question + " got " + answer.matches());
    assertTrue(answer.related().isEmpty(), () -> question + ": " + answer.related());
  }

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          who is Microsoft's biggest AI customer in China?
          does microsoft sell ai to chinese companies
          how fast is azure AI revenue growing in china?
          """)
  void answersAreShownBestFirst(String question) {
    Answer answer = kb.ask(question);
    assertTrue(answer.matches().size() >= 2, () -> question + ": " + answer.matches());
    for (int i = 1; i < answer.matches().size(); i++) {
      assertTrue(
          answer.matches().get(i - 1).score() >= answer.matches().get(i).score(),
          () -> question + ": " + answer.matches());
    }
  }
}
