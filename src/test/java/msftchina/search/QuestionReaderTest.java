package msftchina.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How a question is read against the fixture report: the report's words it keeps (as analysed
 * terms), the misspelt ones it corrects, the names it finds, the refusals reading alone decides and
 * what the question asks for beyond its words.
 */
class QuestionReaderTest {

  private static final FixtureReport report = FixtureReport.shared();

  @ParameterizedTest(name = "{0} -> [{1}], unknown [{2}]")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "Who is Lumenbay's biggest customer?          | biggest custom lumenbai  | ",
        // the shared synonyms rewrite to the report's words
        "Who is Lumenbay's largest client?            | biggest custom lumenbai  | ",
        // the report's own synonyms
        "Where does Lumenbay buy its camera chips?    | bui chip lumenbai vision | ",
        // an alias, in Chinese
        "流明湾 robots                                   | lumenbai robot           | ",
        // an alias rewritten to the report's two-word name
        // "how much" asks for a figure, which the statements must give: no word of its topic
        "How much does HFX spend on robots?           | freight harrow robot spend | ",
        // an opposite is read as the report's word, which answers it
        "Is Lumenbay's revenue shrinking?             | lumenbai revenu tripl    | ",
        // the fixture's own stop word weighs nothing
        "What is Lumenbay's revenue, please?          | lumenbai revenu          | ",
        // the suffix of regard says "as to": "revenue-wise" is revenue
        "How is Lumenbay doing revenue-wise?          | lumenbai revenu          | ",
        "How fast do the robots recharge?             | recharg robot            | fast",
        // a product with a noun of making or owning names its maker
        "Who is the Glowbot maker's biggest customer? | biggest custom lumenbai  | ",
        "Who buys from the company behind Glowbot?    | bui lumenbai             | ",
        // a "which" question whose noun is the report's, or a relative "what", is read as usual
        "Which customer spends the most on robots?    | custom robot spend       | ",
        "Do robots pick what the shelves hold?        | pick robot shelv         | hold",
      })
  void keepsTheReportsWords(String question, String terms, String unknown) {
    Reading reading = report.read(question);

    assertNull(reading.refusal(), () -> "refused: " + reading.refusal());
    assertEquals(terms, String.join(" ", new TreeSet<>(reading.terms().keySet())));
    assertEquals(FixtureReport.list(unknown, " "), reading.unknown());
  }

  @ParameterizedTest(name = "{0} -> {1} weighing {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // one edit in a word of 5 letters
        "How much does Harow Freight spend? | harrow   | 0.8",
        // two edits in a word of 8 letters
        "Lumenbya revenue                   | lumenbai | 0.8",
        // spelt right, the word weighs in full
        "How much does Harrow Freight spend? | harrow  | 1.0",
      })
  void correctsAMisspeltWordToTheReportsNearest(String question, String term, float weight) {
    Reading reading = report.read(question);

    assertEquals(weight, reading.terms().get(term), () -> "terms: " + reading.terms());
  }

  @ParameterizedTest(name = "{0} -> {1} [{2}]")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        // a name of names.txt that the report never mentions
        "Does Amazon buy Lumenbay robots?          | NAME_NOT_IN_REPORT  | Amazon",
        "Is Boston Dynamics a rival?               | NAME_NOT_IN_REPORT  | Boston Dynamics",
        // a product alone is not its maker
        "Do robot fans like the Glowbot?           | NAME_NOT_IN_REPORT  | Glowbot",
        // capitalised words the report never uses are names too
        "What did Jensen Huang say about Lumenbay? | NAME_NOT_IN_REPORT  | Jensen,Huang",
        // a common proper noun is a name in lower case too
        "Does Lumenbay employ engineers in london? | NAME_NOT_IN_REPORT  | london",
        // and so is a year it never speaks of
        "What was Lumenbay's revenue in 2023?      | NAME_NOT_IN_REPORT  | 2023",
        // a fiscal year by its abbreviation, in any case, is a year
        "What was Lumenbay's revenue in fy23?      | NAME_NOT_IN_REPORT  | fiscal,2023",
        "What was Lumenbay's revenue in FY 2026?  | NAME_NOT_IN_REPORT  | fiscal,2026",
        "???                                       | NOTHING_ASKED       | -",
        "hello                                     | WORDS_NOT_IN_REPORT | hello",
        "Who runs Lumenbay?                        | WORDS_NOT_IN_REPORT | runs",
        // 'costumer' is an English word: not a misspelling of 'customer'
        "Who is Lumenbay's costumer?               | WORDS_NOT_IN_REPORT | costumer",
        "What is Lumenbay's non-robot revenue?     | NEGATED             | non-robot",
        // only everyday words ('buy', 'year', 'second') are the report's, and no entity is named
        "Where's the best place to buy lunch this year? | WORDS_NOT_IN_REPORT | best,place,lunch",
        "Who won the second game this year?        | WORDS_NOT_IN_REPORT | won,game",
        // what it asks to have described is an English word the report never uses
        "What's the weather like near the Rotterdam office this year? | WORDS_NOT_IN_REPORT | weather",
        "How is the coffee at Lumenbay?            | WORDS_NOT_IN_REPORT | coffee",
      })
  void refusesWhatTheReadingAloneDecides(String question, Refusal.Reason reason, String missing) {
    Reading reading = report.read(question);

    assertEquals(new Refusal(reason, FixtureReport.list(missing, ",")), reading.refusal());
  }

  @ParameterizedTest(name = "{0} -> answered {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // the same words, about some other customer or about the report's entity, even misspelt
        "The biggest customer wants a discount on renewal, how should I answer?      | false",
        "Lumenbay's biggest customer wants a discount on renewal, should it answer?  | true",
        "Lumenbya's biggest customer wants a discount on renewal, should it answer?  | true",
      })
  void needsMoreOfAQuestionThatNamesNoneOfTheReportsEntities(String question, boolean answered) {
    DecisionModel m = report.model;
    Reading alike =
        report.reader.read(
            question,
            new DecisionModel(
                m.minCoverage(), m.minCoverage(), m.unknownWordWeight(), m.unknownOtherWeight()));
    // enough of it is the report's for a question that names an entity, too little for another
    assertNull(alike.refusal(), () -> "refusal: " + alike.refusal());
    assertTrue(alike.coverage() < m.minCoverageUnnamed(), () -> "coverage " + alike.coverage());

    Reading reading = report.read(question);
    assertEquals(answered, reading.refusal() == null, () -> "refusal: " + reading.refusal());
  }

  @ParameterizedTest(name = "{0}: an everyday word weighs less: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // 'slide' and 'number' are among English's most common words; 'kumquat' is not
        "Lumenbay revenue number for the slide  | true",
        "Lumenbay revenue kumquat               | false",
      })
  void anEverydayWordTheReportNeverUsesWeighsLess(String question, boolean less) {
    DecisionModel m = report.model;
    DecisionModel alike =
        new DecisionModel(
            m.minCoverage(),
            m.minCoverageUnnamed(),
            m.unknownWordWeight(),
            m.unknownOtherWeight(),
            m.unknownWordWeight());
    DecisionModel everydayLess =
        new DecisionModel(
            m.minCoverage(),
            m.minCoverageUnnamed(),
            m.unknownWordWeight(),
            m.unknownOtherWeight(),
            m.unknownWordWeight() / 2);

    double coverage = report.reader.read(question, alike).coverage();
    double coverageLess = report.reader.read(question, everydayLess).coverage();

    assertEquals(less, coverageLess > coverage, () -> coverage + " then " + coverageLess);
  }

  @ParameterizedTest(name = "{0} -> figure {1}, years [{2}], entities [{3}]")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "How much money does Harrow Freight spend?   | dollars | -    | Harrow Freight",
        // Lumenbay, named in most statements, is the report's subject: not asked about
        "How much revenue did Lumenbay make in 2025? | amount  | 2025 | -",
        "How many engineers does Lumenbay employ?    | count   | -    | -",
        "When did the chip shortage delay deliveries? | date   | -    | -",
        "What share of revenue comes from leasing?   | share   | -    | -",
        // an alias names the report's entity
        "How much does Pellucid charge for chips?    | -       | -    | Pellucid Semiconductor",
        "Who is Lumenbay's rival?                    | -       | -    | -",
      })
  void readsWhatTheQuestionAsksFor(String question, String figure, String year, String entity) {
    Asked asked = report.read(question).asked();

    assertEquals(figure, asked.figure() == null ? null : asked.figure().id());
    assertEquals(year == null ? List.of() : List.of(year), List.copyOf(asked.years()));
    assertEquals(entity == null ? List.of() : List.of(entity), List.copyOf(asked.entities()));
  }
}
