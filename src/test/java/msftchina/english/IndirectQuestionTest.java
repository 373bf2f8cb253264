package msftchina.english;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A question as a sentence embeds it ("The report doesn't say when Brad Smith testified."), or
 * nothing ("-") when it can't be reworded safely and the old wording stays.
 */
class IndirectQuestionTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // do moves back into its verb, inflected for tense and person
        "when did Brad Smith testify?                  | when Brad Smith testified",
        "What does Meituan use the models for?         | what Meituan uses the models for",
        "how much does Tencent spend on Azure?         | how much Tencent spends on Azure",
        "how much did ByteDance spend in 2023?         | how much ByteDance spent in 2023",
        "where did Brad Smith meet the lawmakers?      | where Brad Smith met the lawmakers",
        "what do Tencent and Meituan pay Microsoft?    | what Tencent and Meituan pay Microsoft",
        "how many engineers does Microsoft have?       | how many engineers Microsoft has",
        "what year did Microsoft's China unit open     | what year Microsoft's China unit opened",
        "when did the price increase?                  | when the price increased",
        "how much did the deal cost?                   | how much the deal cost",
        "why did Microsoft stay in China?              | why Microsoft stayed in China",
        "who did Judson Althoff replace?               | who Judson Althoff replaced",
        "how did Brad Smith's testimony go?            | how Brad Smith's testimony went",
        "which Congress committee did Brad Smith testify before? | which Congress committee Brad Smith testified before",
        "when did Microsoft's AI sales team start?     | when Microsoft's AI sales team started",
        "when did Microsoft partner with Tencent?      | when Microsoft partnered with Tencent",
        "when did Microsoft begin selling AI models?   | when Microsoft began selling AI models",
        // is, was, has and the modals move back after the subject
        "where was the meeting with Tencent held?      | where the meeting with Tencent was held",
        "who is Microsoft's current president?         | who Microsoft's current president is",
        "how big is the China business?                | how big the China business is",
        "where is Microsoft's China team based?        | where Microsoft's China team is based",
        "how much has Tencent spent on Azure?          | how much Tencent has spent on Azure",
        "how much is Tencent worth?                    | how much Tencent is worth",
        "what's Tencent's revenue?                     | what Tencent's revenue is",
        "what is the current role of Judson Althoff?   | what the current role of Judson Althoff is",
        "how long has Microsoft been in China?         | how long Microsoft has been in China",
        "how are the models priced?                    | how the models are priced",
        "when will Microsoft open a Shanghai lab?      | when Microsoft will open a Shanghai lab",
        "how much is Microsoft earning from ByteDance? | how much Microsoft is earning from ByteDance",
        "what are chinese companies using the models for | what chinese companies are using the models for",
        // the wh-phrase is the subject: the order stays
        "who testified before Congress?                | who testified before Congress",
        "which Chinese firms use Azure?                | which Chinese firms use Azure",
        "who is responsible for Azure in China?        | who is responsible for Azure in China",
        "what percentage of revenue comes from China?  | what percentage of revenue comes from China",
        "Who's handling the lunch order for Friday?    | who's handling the lunch order for Friday",
        // what it can't reword safely: the old wording stays
        "did Brad Smith testify in 2023?               | -",
        "Tencent revenue 2024?                         | -",
        "WHEN DID BRAD SMITH TESTIFY                   | -",
        "when did Brad Smith testify, and why?         | -",
        "when did Brad Smith testify and what did he say? | -",
        "why didn't Microsoft leave China?             | -",
        "what do you know about Tencent?               | -",
        "when did <@U123> testify?                     | -",
        "Brad Smith 什么时候作证?                        | -",
        "when did Microsoft show the models?           | -",
        // ...nor where it can't tell the verb, the subject or the gap
        "what is the quote from the sales chief        | -",
        "what is Tencent building with the models?     | -",
        "what was Microsoft's AI spending in 2024?     | -",
        "what are lawmakers planning?                  | -",
        "why is Microsoft still in China?              | -",
        "why is Microsoft in China?                    | -",
        "when did judson althoff step down as chief commercial officer? | -",
        "which chinese companies are microsoft ai customers | -",
        "what are the ai models microsoft sells to chinese companies being pitched for | -",
        "who was the commercial chief cheering the numbers at the all-hands | -",
        "What's the point of Microsoft having a China presence? | -",
        "hey so random q but when did brad smith testify to congress about china stuff and the revenue numbers? | -",
      })
  void rewordsAQuestionAsASentenceEmbedsIt(String question, String expected) {
    assertEquals(expected, IndirectQuestion.of(question).orElse("-"), question);
  }
}
