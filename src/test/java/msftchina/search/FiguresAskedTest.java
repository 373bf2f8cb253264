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
 * Questions whose every word the report uses, but which ask for what it doesn't give: another
 * company's spending, a year it doesn't cover, a dollar figure where it gives a share. The bot says
 * what the report lacks instead of showing a statement about something else.
 */
class FiguresAskedTest {

  @RegisterExtension static final BundledReport kb = new BundledReport();

  // A question it can reword is refused in its own words ("when Brad Smith testified"); one it
  // can't (no wh-word, two clauses, a yes/no question) keeps naming what the report lacks.
  @ParameterizedTest(name = "\"{0}\" is refused")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          how much does Tencent spend on Azure AI per year?           | The report doesn't say how much Tencent spends on Azure AI per year.
          how much did Ant Group pay Microsoft for AI last year?      | The report doesn't say how much Ant Group paid Microsoft for AI last year.
          what was Microsoft's total revenue in 2024 in dollars?      | The report doesn't say what Microsoft's total revenue in 2024 in dollars was.
          what was Azure AI's absolute revenue in China in FY25?      | The report doesn't say what Azure AI's absolute revenue in China in FY25 was.
          ByteDance total revenue 2024                                | The report doesn't say anything about revenue for ByteDance in 2024.
          what is Tencent's revenue in China?                         | The report doesn't say what Tencent's revenue in China is.
          what share of Microsoft's revenue came from China in 2025?  | The report doesn't say what share of Microsoft's revenue came from China in 2025.
          how many Chinese customers does Azure AI have in total?     | The report doesn't say how many Chinese customers Azure AI has in total.
          how many staff sat in on Althoff's July 2025 talk?          | The report doesn't say how many staff sat in on Althoff's July 2025 talk.
          which multinational clients active in China does Microsoft serve? | The report doesn't say anything about which ones they are.
          is it morally right for Microsoft to keep selling GPT models to Chinese firms? | The report doesn't say anything about a moral judgement or an opinion for GPT.
          what percentage of ByteDance's cloud spend goes to Microsoft? | The report doesn't say what percentage of ByteDance's cloud spend goes to Microsoft.
          how much non-AI cloud revenue does Microsoft make in China? | The report doesn't say anything about non-AI.
          what is kuaishou's revenue in china?                        | The report doesn't say anything about kuaishou.
          what did Brad Smith say about ByteDance when he testified?  | The report doesn't say anything about ByteDance together with Brad Smith.
          does Meituan spend over $1 billion a year like ByteDance?   | The report doesn't say anything about spending for Meituan.
          when did ByteDance start using Azure?                       | The report doesn't say when ByteDance started using Azure.
          when did Brad Smith testify?                                | The report doesn't say when Brad Smith testified.
          what share of Microsoft's AI revenue comes from China?      | The report doesn't say anything about a share of a total.
          who runs Microsoft's China operations?                      | The report doesn't say who runs Microsoft's China operations.
          how did OpenAI react to Microsoft selling GPT in China?     | The report doesn't say how OpenAI reacted to Microsoft selling GPT in China.
          how much did Azure AI revenue grow worldwide in fiscal 2025? | The report doesn't say how much Azure AI revenue grew worldwide in fiscal 2025.
          """)
  void refusedNamingWhatTheReportLacks(String question, String refusal) {
    Answer answer = kb.ask(question);
    assertFalse(answer.answered(), () -> question + " got " + answer.matches());
    assertEquals(refusal, Wording.ENGLISH.refusal(answer));
  }

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          how much does ByteDance pay Microsoft?                               | msft-china-ai:1.2
          bytedanse spend on azure                                             | msft-china-ai:1.2
          is any Chinese customer paying Microsoft a billion a year for Azure? | msft-china-ai:1.2
          how much of Microsoft's revenue was China in 2024?                   | msft-china-ai:2.1
          how much revenue did Microsoft make from China in 2024?              | msft-china-ai:2.1
          how much did Azure AI revenue grow in 2024?                          | msft-china-ai:4.1
          why does Microsoft stay in China, and how much of its revenue is it? | msft-china-ai:2.1
          how reliant is Microsoft on its China business?                      | msft-china-ai:2.1
          what sort of tasks do Chinese firms give Microsoft's models?         | msft-china-ai:3.1
          how much did Azure AI revenue in China grow in fiscal 2025?          | msft-china-ai:4.1
          what did Judson Althoff say in July 2025?                            | msft-china-ai:4.2
          when did Judson Althoff talk about China?                            | msft-china-ai:4.2
          which executive testified to Congress?                               | msft-china-ai:2.1
          is Tencent or ByteDance the bigger customer?                         | msft-china-ai:1.2
          AZURE CHINA GROWTH LAST YEAR                                         | msft-china-ai:4.1
          what share of the company's total revenue came from China?           | msft-china-ai:2.1
          who leads among Microsoft's Chinese AI customers?                    | msft-china-ai:1.2
          """)
  void answeredByTheStatementThatGivesTheFigure(String question, String first) {
    Answer answer = kb.ask(question);
    assertTrue(
        answer.answered(), () -> question + " was refused: " + Wording.ENGLISH.refusal(answer));
    assertEquals(
        first, answer.matches().get(0).fact().id(), () -> question + " got " + answer.matches());
  }
}
