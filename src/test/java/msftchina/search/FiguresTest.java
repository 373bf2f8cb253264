package msftchina.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import msftchina.facts.FactsFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code facts/figures.txt}: which questions ask for which kind of figure, and which statements
 * give one.
 */
class FiguresTest {

  @TempDir Path dir;

  private static Figures bundled() throws IOException {
    return Figures.read(Path.of("facts"));
  }

  @ParameterizedTest(name = "\"{0}\" asks for {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          how much does Tencent spend on Azure AI per year?       | a figure
          HOW MUCH IS BYTEDANCE PAYING MSFT                       | a figure
          how much revenue does Microsoft make in China?          | a figure
          what was Microsoft's total revenue in 2024 in dollars?  | a dollar figure
          what's Azure AI's absolute revenue in China?            | a dollar figure
          what is Azure AI revenue in China in dollar terms?      | a dollar figure
          what was Azure AI revenue in actual dollar terms?       | a dollar figure
          what was Azure AI revenue in China in FY24 in $?        | a dollar figure
          does OpenAI get a cut of Microsoft's GPT sales?         | a share of a total
          what cut does OpenAI take?                              | a share of a total
          how much does Microsoft charge Chinese customers for GPT? | a price
          How does Microsoft price its AI models in China?        | a price
          what does Azure cost per token?                         | a price
          which executive is in charge of Azure China?            | names
          did ByteDance's spending go up or down this year?       | a growth figure
          did Azure AI revenue in China go up in 2025?            | a growth figure
          what share of Microsoft's revenue comes from China?     | a share of a total
          how much of Microsoft's revenue was China in 2024?      | a share of a total
          WHAT PERCENT OF MICROSOFT REVENUE IS CHINA              | a share of a total
          how much did Azure AI revenue in China grow?            | a growth figure
          how fast is Azure AI growing in China?                  | a growth figure
          how many times over did Azure AI revenue grow?          | a growth figure
          how much did Azure AI revenue in China expand?          | a growth figure
          is Azure AI growth in China decelerating?               | a growth figure
          what percentage jump did Azure AI revenue post?         | a growth figure
          what percentage of revenue came from China?             | a share of a total
          how many Chinese customers does Azure AI have?          | a count
          when did ByteDance start using Azure?                   | a date
          which executive testified to Congress?                  | names
          """)
  void questionsAskingForAFigure(String question, String kind) throws IOException {
    Figures.Kind asked = bundled().askedIn(question);
    assertEquals(kind, asked == null ? null : asked.name(), question);
  }

  /**
   * The words asking for a figure or a detail are the asking words a kind's pattern spells out,
   * never the words of what is asked about; a "why" orders the answer and asks nothing besides.
   */
  @ParameterizedTest(name = "\"{0}\" asks with [{1}], not [{2}]")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          is China a meaningful chunk of Microsoft's revenue?         | meaningful chunk | china revenue
          which city is the meeting in?                               | city             | meeting
          what's the weather like near the Redmond office this year?  | near             | weather office
          what is the new printer used for?                           | used             | new printer
          is ByteDance a big customer?                                | ''               | big customer
          why does Microsoft stay in China?                           | ''               | why stay
          """)
  void wordsThatAskForAFigureOrADetail(String question, String asking, String about)
      throws IOException {
    Figures figures = bundled();
    java.util.Set<String> words = figures.askingWords(question, figures.asking(question));
    for (String word : asking.split(" ", -1)) {
      assertTrue(word.isEmpty() || words.contains(word), () -> word + " not in " + words);
    }
    for (String word : about.split(" ", -1)) {
      assertTrue(!words.contains(word), () -> word + " in " + words);
    }
  }

  @ParameterizedTest(name = "\"{0}\" asks for no figure")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          who is Microsoft's biggest AI customer in China?
          why does Microsoft stay in China?
          what was Althoff's title when he praised the growth?
          who's the $1b a year customer
          """)
  void questionsAskingForNoFigure(String question) throws IOException {
    Figures.Kind asked = bundled().askedIn(question);
    assertNull(asked == null ? null : asked.name(), question);
  }

  @ParameterizedTest(name = "\"{0}\" gives {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ByteDance spends over US$1 billion annually.                      | a dollar figure
          ByteDance spends over US$1 billion annually.                      | a figure
          China accounted for about 1.5% of the company's total revenue.    | a figure
          China accounted for about 1.5% of the company's total revenue.    | a share of a total
          Azure AI revenue tripled, following a prior 400% surge.           | a growth figure
          Ant Group, Meituan and Tencent are three of its customers.        | a count
          The firm has 2,000 engineers in Beijing.                          | a count
          Azure charges US$0.03 per 1,000 tokens.                           | a price
          The licence costs $30 a seat.                                     | a price
          """)
  void statementsGivingAFigure(String statement, String kind) throws IOException {
    assertTrue(
        bundled().givenIn(statement).stream().anyMatch(k -> k.name().equals(kind)),
        statement + " should give " + kind);
  }

  @Test
  void aShareOfATotalIsNotGrowth() throws IOException {
    assertTrue(
        bundled().givenIn("China accounted for about 1.5% of total revenue.").stream()
            .noneMatch(k -> k.name().equals("a growth figure")));
  }

  @ParameterizedTest(name = "\"{0}\" gives no count")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Azure AI revenue in China tripled in the fiscal year ending June 2025.
          China accounted for about 1.5% of the company's total revenue in 2024.
          ByteDance spends over US$1 billion annually.
          """)
  void yearsPercentagesAndMoneyAreNotCounts(String statement) throws IOException {
    assertTrue(
        bundled().givenIn(statement).stream().noneMatch(k -> k.name().equals("a count")),
        statement);
  }

  @ParameterizedTest(name = "\"{0}\" gives no price")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ByteDance spends over US$1 billion annually.
          Revenue rose from $40 and $50 after the deal.
          """)
  void aYearsSpendingIsNoPrice(String statement) throws IOException {
    assertTrue(
        bundled().givenIn(statement).stream().noneMatch(k -> k.name().equals("a price")),
        statement);
  }

  @Test
  void missingFileMeansNoQuestionAsksForAFigure() throws IOException {
    Figures none = Figures.read(dir);
    assertNull(none.askedIn("how much does ByteDance spend?"));
    assertEquals(List.of(), none.measures());
  }

  @ParameterizedTest(name = "\"{0}\" asks besides for {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          where was the internal Microsoft meeting held?               | a place
          is there a decent cafe near the office?                      | a place
          where is Brad Smith from?                                    | a place
          in which city does Microsoft run its China lab?              | a place
          what are Microsoft's AI models in China used for?            | a use or purpose
          what are chinese companies actually buying the models for?   | a use or purpose
          what does ByteDance use the models for — recommendations?    | a use or purpose
          what does Meituan use the models for exactly?                | a use or purpose
          what's Meituan using Azure AI for, delivery routing?         | a use or purpose
          how much did Microsoft's overall revenue grow in 2025?       | a worldwide or company-wide figure
          did Azure revenue grow faster worldwide than in China?       | a worldwide or company-wide figure
          does Meituan use the models for customer service?            | a use or purpose
          any idea if Ant Group uses Azure for fraud detection?        | a use or purpose
          does ByteDance use Microsoft AI to power its feed?           | a use or purpose
          what exactly is ByteDance building with Microsoft's models?  | a use or purpose
          where precisely did Brad Smith testify?                      | a place
          what did Brad Smith tell Congress?                           | what was said
          what has OpenAI said about Microsoft's GPT sales in China?   | what was said
          has Anthropic commented on Microsoft's China sales?          | what was said
          what does Meituan build with Microsoft's models?             | a use or purpose
          how long is ByteDance's contract with Microsoft?             | how long it lasts
          for how many years has Microsoft been in China?              | how long it lasts
          what have lawmakers proposed to do about it?                 | what comes next
          who is Microsoft's current chief commercial officer?         | the current role or status
          is Microsoft still selling AI models in China?               | the current role or status
          who replaced Judson Althoff as chief commercial officer?     | the current role or status
          when did Judson Althoff step down?                           | the current role or status
          where is Microsoft selling AI models now?                    | a place, the current role or status
          besides ByteDance, which other Chinese firms use Azure AI?   | other people or organisations besides those named
          who else testified to Congress besides Brad Smith?           | other people or organisations besides those named
          beyond ByteDance, who buys Azure AI in China?                | other people or organisations besides those named
          a reference customer that isn't ByteDance — who could I name? | other people or organisations besides those named
          a reference customer that isn’t ByteDance — who could I name? | other people or organisations besides those named
          除了字节跳动，还有哪些中国公司在用Azure？                         | other people or organisations besides those named
          which clients active in China does Microsoft serve?          | which ones they are
          which specific GPT models does Microsoft sell in China?      | which particular ones they are
          what particular policies does Microsoft set for GPT sales?   | which particular ones they are
          which Chinese firms exactly use Azure AI?                    | which ones they are, which particular ones they are
          微软在中国具体卖哪些GPT模型？                                    | which particular ones they are
          what are the actual policies for selling GPT models?         | which particular ones they are
          can you list the local innovations Microsoft tracks?         | which particular ones they are
          which two Chinese firms spend the most on Azure AI?          | which ones they are
          is selling AI to Chinese firms ethical?                      | a moral judgement or an opinion
          honestly, good or bad for Microsoft? what's your take?       | a moral judgement or an opinion
          what are lawmakers planning to do about it?                  | what comes next
          will Microsoft keep selling AI models in China?              | what comes next
          微软明年有什么计划？                                             | what comes next
          is there an upcoming data point on China AI to watch?        | what comes next
          what happened after Brad Smith's testimony?                  | what happened afterwards
          what did Congress decide to do after the testimony?          | what comes next, what happened afterwards
          did Tencent cancel its Azure contract?                        | an official or legal act
          has Washington restricted Microsoft's AI sales to China?      | an official or legal act
          is the OpenAI partnership being renegotiated?                 | an official or legal act
          did OpenAI object to Microsoft selling GPT models in China?  | an official or legal act
          腾讯取消了和微软的合同吗？                                         | an official or legal act
          """)
  void questionsAskingForADetailBesides(String question, String details) throws IOException {
    assertEquals(
        List.of(details.split(", ")),
        bundled().detailsAskedIn(question).stream().map(Figures.Kind::name).toList(),
        question);
  }

  @ParameterizedTest(name = "\"{0}\" asks first for {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          why does Microsoft stay in China?                              | a reason
          how come Microsoft can sell GPT models there?                  | a reason
          what's the reason Microsoft keeps a presence in China?         | a reason
          what's the rationale for selling GPT models to Chinese firms?  | a reason
          微软为什么留在中国？                                              | a reason
          is there a quote from a Microsoft executive about China?       | someone in office; a quotation
          Althoff on China, verbatim?                                    | a quotation
          how reliant is Microsoft on its China business?                | how much of the whole it is
          what sort of tasks do Chinese firms give Microsoft's models?   | the kinds of use
          what are Chinese banks doing with Azure AI?                    | the kinds of use
          how exposed is Microsoft to the Chinese market?                | how much of the whole it is
          does Microsoft keep growing its AI sales in China?             | whether it goes on
          who at Microsoft has been cheering the China AI growth?        | someone in office
          need a one-liner for the exec summary on Microsoft in China    |
          would losing China dent Microsoft's revenue?                   | how much of the whole it is
          how fast is Azure AI growing? numbers please, not quotes       |
          can we get a quote for 500 Azure seats?                        |
          what kind of threat is China's AI push?                        |
          how fast did Azure AI revenue grow in China?                   |
          who is Microsoft's biggest AI customer in China?               |
          """)
  void questionsAskingForADetailFirst(String question, String detail) throws IOException {
    assertEquals(
        detail == null ? List.of() : List.of(detail.split("; ")),
        bundled().firstAskedIn(question).stream().map(Figures.Kind::name).toList(),
        question);
    // a detail asked first is not asked besides: a statement without it still answers
    assertEquals(List.of(), bundled().detailsAskedIn(question), question);
  }

  @Test
  void aQuestionForOthersPutsFurtherMembersFirst() throws IOException {
    String question = "beyond the top account, which other Chinese names use Azure AI?";

    assertEquals(
        List.of("other people or organisations besides those named"),
        bundled().detailsAskedIn(question).stream().map(Figures.Kind::name).toList());
    assertEquals(
        List.of("further members of a set"),
        bundled().firstAskedIn(question).stream().map(Figures.Kind::name).toList());
  }

  @ParameterizedTest(name = "\"{0}\" asks for no detail besides")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          what share of Microsoft's revenue does China account for?
          what does GPT stand for?
          who has more say over GPT sales in China?
          did Microsoft say being in China is useful?
          what does the report say about ByteDance?
          do robots replace warehouse workers?
          how much does ByteDance spend on Azure?
          who is Microsoft's biggest AI customer in China?
          besides customer service, which applications does Microsoft market?
          will you tell me who Microsoft's biggest AI customer is?
          who gets to decide whether GPT models can be sold in China?
          what happened at the internal meeting in July 2025?
          how long until Microsoft next reports on China?
          where did that 1.5% China figure come from?
          where can I find Microsoft's next China AI results?
          how long ago did Azure AI revenue surge 400%?
          does Tencent use Azure for free?
          is Tencent allowed to use Azure AI?
          does Meituan use Azure AI to this day?
          how does the report describe AI sales to Chinese companies overall?
          which year was the 1.5% of revenue for?
          what year is that figure for?
          what exact date did Brad Smith testify?
          which specific customer is the biggest?
          """)
  void questionsAskingForNoDetailBesides(String question) throws IOException {
    assertEquals(List.of(), bundled().detailsAskedIn(question), question);
  }

  @ParameterizedTest(name = "\"{0}\" gives {1}: {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Microsoft markets its AI models in China for diverse applications.       | a use or purpose           | true
          A presence in China is useful to track local innovations.               | a use or purpose           | true
          Ant Group, Meituan and Tencent use Azure AI models.                     | a use or purpose           | false
          Brad Smith, Microsoft's president, testified to Congress.               | the current role or status | true
          Then-chief commercial officer Judson Althoff praised the growth.        | the current role or status | false
          The former chief executive told investors the company is not for sale.  | the current role or status | false
          The company employs 2,000 engineers in Beijing.                         | a place                    | true
          A meeting in July 2025 praised the growth.                              | a place                    | false
          The company runs its Shanghai office with 40 staff.                     | a place                    | true
          A Shenzhen-based firm buys the robots.                                  | a place                    | true
          Lumenbay builds warehouse robots that pick parcels from shelves.        | a use or purpose           | true
          Lumenbay sells robots that are fast.                                    | a use or purpose           | false
          Other customers include Tidewell Grocers, Marlow Pharma and Kestrel Books. | other people or organisations besides those named | true
          OpenAI and Anthropic do not sell AI models to Chinese companies.        | other people or organisations besides those named | true
          Brad Smith, Microsoft's president, testified to Congress.               | other people or organisations besides those named | false
          Lumenbay plans to open a second factory in Poland in 2027.              | what comes next  | true
          The company's next reporting will come with its fiscal results.         | what comes next  | true
          Lawmakers view China's AI push as a threat.                             | what comes next  | false
          Revenue tripled, following a prior 400% surge.                          | what happened afterwards   | true
          Then-chief executive Ilse Brandt told investors it is not for sale.     | what happened afterwards   | false
          The firm cited a presence in China as useful to track local innovations. | a reason               | true
          Labs do not sell AI models to Chinese companies over IP theft and misuse concerns. | a reason     | true
          Its partnership with OpenAI lets Microsoft control policies.            | a reason                   | true
          Lawmakers view China's AI push as a threat.                             | a reason                   | false
          Azure AI revenue in China tripled in the fiscal year ending June 2025.  | a reason                   | false
          Althoff highlighted the growth, saying, "It's pretty awesome".           | a quotation                | true
          Althoff highlighted the rapid AI revenue growth in China.               | a quotation                | false
          Other major Chinese firms using Azure AI models include Ant Group and Tencent. | further members of a set | true
          Microsoft differs from OpenAI and Anthropic, who do not sell to Chinese firms. | further members of a set | false
          Microsoft continues to expand AI model sales and services in China.            | whether it goes on       | true
          Azure AI revenue in China tripled in the fiscal year ending June 2025.         | whether it goes on       | false
          Brad Smith, Microsoft's president, testified to the US Congress.               | someone in office        | true
          American executives and lawmakers view China's push as a threat.               | someone in office        | false
          """)
  void statementsGivingADetail(String statement, String kind, boolean gives) throws IOException {
    assertEquals(
        gives,
        bundled().givenIn(statement).stream().anyMatch(k -> k.name().equals(kind)),
        statement);
  }

  @Test
  void measuresAreReadInOrder() throws IOException {
    assertEquals(
        List.of("revenue", "spending", "budget", "cost", "costs", "profit", "valuation"),
        bundled().measures());
  }

  static Stream<Arguments> malformedFiles() {
    return Stream.of(
        Arguments.of(
            "no colon",
            List.of("money asked \\bhow much\\b"),
            1,
            "expected 'KIND name|asked|asked besides|asked first|asked first as|given|given near|given in clause|given besides asked|given by agent|given before counted|given of whole|given as: value'"),
        Arguments.of(
            "unknown field",
            List.of("# kinds", "money wanted: \\bhow much\\b"),
            2,
            "got 'money wanted'"),
        Arguments.of(
            "empty value",
            List.of("money name:"),
            1,
            "expected 'KIND name|asked|asked besides|asked first|asked first as|given|given near|given in clause|given besides asked|given by agent|given before counted|given of whole|given as: value'"),
        Arguments.of(
            "given as an unknown kind",
            List.of("money given: \\$\\d", "amount given as: money, share"),
            2,
            "'share' is not a kind with a 'given' line above"),
        Arguments.of(
            "asked first as an unknown kind",
            List.of("others asked besides: \\bwho else\\b", "further asked first as: other"),
            2,
            "'other' is not a kind with an 'asked' line above"),
        Arguments.of(
            "broken expression",
            List.of("money name: a dollar figure", "money asked: (how much"),
            2,
            "not a regular expression"),
        Arguments.of(
            "kind without a line",
            List.of("", "money name: a dollar figure", "money asked: how much"),
            2,
            "figure 'money' has no 'given' line"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedFiles")
  void malformedFileNamesFileAndLine(
      String description, List<String> lines, int line, String problem) throws IOException {
    Files.write(dir.resolve(Figures.FILE), lines);
    FactsFormatException e = assertThrows(FactsFormatException.class, () -> Figures.read(dir));
    assertTrue(
        e.getMessage().startsWith(dir.resolve(Figures.FILE) + ":" + line + ": "), e.getMessage());
    assertTrue(e.getMessage().contains(problem), e.getMessage());
  }
}
