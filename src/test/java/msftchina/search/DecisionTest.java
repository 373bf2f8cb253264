package msftchina.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The decision to answer or refuse a question the fixture report's words cover: answered by the
 * statements that have everything it asks for (a kind of figure, its years, its entities), or
 * refused naming what is missing, with the closest statements to show as such.
 */
class DecisionTest {

  private static final FixtureReport report = FixtureReport.shared();

  @ParameterizedTest(name = "{0} -> answered by {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // a figure for Harrow Freight: 1.2 gives one; 3.2 names Harrow Freight without one
        "How much does Harow Freight spend?            | 1.2     | 3.2",
        "How much money does Harrow Freight spend?     | 1.2     | 3.2",
        // a figure in 2025: both 2.1 and 2.2 give one, about revenue
        "How much revenue did Lumenbay make in 2025?   | 2.1 2.2 | 3.2 4.4 3.1 4.1 1.1 3.3 1.2",
        "How many engineers does Lumenbay employ?      | 2.3     | 4.4 2.1 3.1 2.2 4.1 1.1 3.3 1.2",
        "When did the chip shortage delay deliveries?  | 3.2     | 3.1",
        "What share of revenue comes from leasing?     | 2.2     | 2.1",
        // a place beside what is asked: the engineers are in Rotterdam, the factory in Poland
        "Where does Lumenbay employ its engineers?     | 2.3     | 4.4 2.1 3.1 2.2 4.1 1.1 3.3 1.2",
        "Where will Lumenbay open its second factory?  | 4.1     | 4.4 2.1 3.1 2.2 1.1 3.3 1.2",
        // still: 3.1 gives Lumenbay's supplier as it is, not as it was then
        "Does Lumenbay still buy chips from Pellucid?  | 3.1     | 3.2 4.4 2.1 2.2 4.1 1.1 3.3 1.2",
        // others besides the one named: 1.3 lists three more customers
        "Besides Harrow Freight, which other customers does Lumenbay have? | 1.3 | 1.2 3.2 4.4 2.1 3.1 2.2 4.1 1.1 3.3",
        // a plan: 4.1 is in the future ("plans to open")
        "What does Lumenbay plan to do next?           | 4.1     | 4.4 2.1 3.1 2.2 1.1 3.3 1.2",
        // a purpose given as a relative clause: robots "that pick parcels"
        "What are Lumenbay's robots for?               | 1.1     | 4.4 2.2 1.2 4.2 2.1 3.1 4.1 3.3",
      })
  void answersWithTheStatementsThatHaveWhatIsAsked(
      String question, String answering, String others) {
    Decision decision = report.decide(question);

    assertNull(decision.refusal(), () -> "refused: " + decision.refusal());
    assertEquals(FixtureReport.list(answering, " "), report.shortIds(decision.answering()));
    assertEquals(FixtureReport.list(others, " "), report.shortIds(decision.others()));
  }

  @ParameterizedTest(name = "{0} -> every candidate answers, {1} first")
  @CsvSource(
      delimiter = '|',
      value = {
        "Who is Lumenbay's rival?          | 3.3",
        "Is Lumenbay for sale?             | 4.3",
        "Do robots replace workers?        | 4.2",
        // a noun for information itself asks what the report says, not to have one named
        "What details are there on Harrow Freight's spending? | 1.2",
        "What info do we have on Harrow Freight's spending?   | 1.2",
        "What data is there on the chip shortage?             | 3.2",
        "Which facts does the report give about Norvik's prices? | 3.3",
        // "which year … for?" asks what year a figure is for, not a purpose
        "Which year was the 60% of revenue for?               | 2.2",
      })
  void aQuestionAskingNothingInParticularIsAnsweredByItsWords(String question, String first) {
    Decision decision = report.decide(question);

    assertNull(decision.refusal(), () -> "refused: " + decision.refusal());
    assertEquals(first, report.shortIds(decision.answering()).get(0));
    assertEquals(List.of(), decision.others());
  }

  @ParameterizedTest(name = "{0} -> refused, lacking {1}; closest {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // the report names Norvik's prices, not its spending
        "How much does Norvik spend on robots?        | a figure for Norvik Automation | 3.3",
        // 2027 is the new factory's year, with no figure; 4.1 says what comes next, so what the
        // report lacks is only the figure
        "How much revenue will Lumenbay make in 2027? | a figure in 2027              | 4.1 2.1 2.2",
        "How many robots does Tidewell buy?           | a count for Tidewell Grocers  | 1.3",
        "What does Tidewell pay for its robots?       | a figure for Tidewell Grocers | 1.3",
        // 3.2 names the delayed deliveries, and no place
        "Where did the chip shortage delay deliveries? | a place                      | 3.2",
        // 1.2 and 3.2 name Harrow Freight, and nothing it uses the robots for
        "What does Harrow Freight use the robots for? | a use or purpose for Harrow Freight | 1.2 3.2",
        // 4.3 gives Ilse Brandt's role only as it was then
        "Who is Lumenbay's current chief executive?   | the current role or status    | 4.3",
        "Who replaced Ilse Brandt as chief executive? | the current role or status    | 4.3",
        // 3.1 names Pellucid alone: no other supplier
        "Besides Pellucid, who else supplies Lumenbay's chips? | other people or organisations besides those named | 3.1",
        // 1.3 lists only the customers the question sets aside
        "Besides Tidewell, Marlow Pharma and Kestrel Books, who else buys Lumenbay's robots? | other people or organisations besides those named | 1.3",
        // 3.3 says what Norvik did, not what it plans
        "What is Norvik Automation planning?          | what comes next for Norvik Automation | 3.3",
        // 4.1 is Lumenbay's plan, not the critics'
        "What are critics planning to do about Lumenbay's factory? | what comes next | 4.1 4.2",
        // 4.3 says what Ilse Brandt told investors, not what followed
        "What happened after Ilse Brandt spoke to investors? | what happened afterwards | 4.3",
        // what a "which" question asks to have named is a word the report never uses
        "Which committee did Ilse Brandt face?        | the committee                 | 4.3",
        // the same when the head noun is the subject of a verb in the past
        "Which committee questioned Ilse Brandt?      | the committee                 | 4.3",
        "So which robot versions does Harrow Freight buy? | the versions for Harrow Freight | 1.2 3.2",
      })
  void refusesNamingTheDetailNoStatementHas(String question, String missing, String closest) {
    Decision decision = report.decide(question);

    assertNotNull(decision, "refused by its reading already");
    assertEquals(Refusal.Reason.DETAIL_NOT_IN_REPORT, decision.refusal().reason());
    assertEquals(List.of(missing), decision.refusal().missing());
    assertEquals(List.of(), decision.answering());
    assertEquals(FixtureReport.list(closest, " "), report.shortIds(decision.others()));
  }

  @ParameterizedTest(name = "\"{0}\" gives a date in the clause of \"{1}\": {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // the year dates the revenue; the testimony after the comma only cites it
        "Revenue was 1.5% of the total in 2024, according to testimony by Ilse Brandt. | revenue | true",
        "Revenue was 1.5% of the total in 2024, according to testimony by Ilse Brandt. | testimony Ilse Brandt | false",
        // an adverbial that opens the sentence belongs to the clause after it
        "At an internal meeting in July 2025, Ilse Brandt praised the growth.          | Ilse Brandt | true",
        "At an internal meeting in July 2025, Ilse Brandt praised the growth, saying it was fast. | Ilse Brandt | true",
        // one after the clause belongs to the clause before it
        "Ilse Brandt praised the growth, in July 2025, at a meeting.                   | growth | true",
        "A shortage of vision chips delayed deliveries in March 2025.                  | deliveries | true",
        // the date asked about is not a date given for it
        "A shortage of vision chips delayed deliveries in March 2025.                  | March | false",
      })
  void aDateIsGivenOnlyInTheClauseOfTheWordsAskedAbout(
      String statement, String asked, boolean given) throws IOException {
    Analysis analysis = fixtureAnalysis();
    Figures.Kind date = Figures.read(FixtureReport.dir()).askedIn("when did it happen?");

    assertEquals(
        given,
        Clauses.givenInClause(date, statement, analysis.words(statement), analysis.terms(asked)));
  }

  @ParameterizedTest(name = "\"{0}\" gives a place near \"{1}\": {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "The company employs 850 engineers in Rotterdam.                        | engineers | true",
        // the place qualifies the growth, at the other end of the sentence from the meeting
        "At an internal meeting in July 2025, the officer praised growth in Rotterdam. | meeting | false",
        "At an internal meeting in July 2025, the officer praised growth in Rotterdam. | growth  | true",
        "Lumenbay plans to open a second factory in Poland in 2027.             | factory   | true",
        "Lumenbay plans to open a second factory in Poland in 2027.             | Lumenbay  | false",
        // the place asked about is not a place given for it
        "The company employs 850 engineers in Rotterdam.                        | Rotterdam | false",
      })
  void aPlaceIsGivenOnlyBesideTheWordsAskedAbout(String statement, String asked, boolean near)
      throws IOException {
    Analysis analysis = fixtureAnalysis();
    Figures.Kind place =
        Figures.read(FixtureReport.dir()).detailsAskedIn("where?").stream()
            .filter(Figures.Kind::near)
            .findFirst()
            .orElseThrow();

    assertEquals(
        near,
        Answerability.givenNear(
            place, statement, analysis.words(statement), analysis.terms(asked)));
  }

  @ParameterizedTest(name = "\"{0}\" counts \"{1}\": {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "The company employs 850 engineers in Rotterdam.                        | engineers | true",
        "The one company bringing those two places together is Microsoft.      | places    | true",
        // a number counts the noun after it, not one three words before it
        "The one company bringing those two places together is Microsoft.      | company   | false",
        "Ant Group, Meituan and Tencent are three of its customers.            | customers | true",
      })
  void aCountIsGivenJustBeforeWhatItCounts(String statement, String counted, boolean given)
      throws IOException {
    Analysis analysis = fixtureAnalysis();
    Figures.Kind count = Figures.read(Path.of("facts")).askedIn("how many are there?");

    assertEquals(
        given,
        Answerability.givenBefore(
            count, statement, analysis.words(statement), analysis.terms(counted)));
  }

  @ParameterizedTest(name = "\"{0}\" gives a share of [{1}]: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "China accounted for about 1.5% of the company's total revenue in 2024.   | revenue | true",
        // the whole is the one after the share, not a word of the clause before it
        "China accounted for about 1.5% of the company's total revenue in 2024.   | china   | false",
        "China accounted for 1.5% of revenue, according to its AI unit.           | ai      | false",
        "A third of its AI revenue came from China.                               | ai      | true",
      })
  void aShareIsGivenOfTheWholeAsked(String statement, String whole, boolean given)
      throws IOException {
    Analysis analysis = fixtureAnalysis();
    Figures.Kind share = Figures.read(Path.of("facts")).askedIn("what share is it?");

    assertEquals(
        given,
        Answerability.givenOfWhole(
            share, statement, analysis.words(statement), analysis.terms(whole)));
  }

  /** Returns the fixture report's analysis, as its statements were indexed. */
  private static Analysis fixtureAnalysis() throws IOException {
    return new Analysis(
        FactFields.analyzer(FixtureReport.dir().resolve(FactFields.STOPWORDS_FILE)));
  }

  @Test
  void noCandidateRefusesNamingTheQuestionsUnknownWords() {
    Reading reading =
        new Reading("robots on Mars?", Map.of("robot", 1f), List.of("Mars"), 0.5, null, null);

    Decision decision = report.answerability.decide(reading, List.of());

    assertEquals(
        new Refusal(Refusal.Reason.WORDS_NOT_IN_REPORT, List.of("Mars")), decision.refusal());
  }

  @Test
  void aStatementScoringFarBelowTheBestDoesNotAnswerEvenWithEverythingAsked() {
    int factory = report.doc("4.1"); // 2027, no revenue
    int revenue = report.doc("2.1"); // revenue in 2025
    Asked in2025 = new Asked(null, Set.of("2025"), Set.of(), true, Set.of(), List.of());
    Reading reading = new Reading("in 2025?", Map.of("2025", 1f), List.of(), 1, in2025, null);

    // A statement answers from three tenths of the best score up.
    Decision near =
        report.answerability.decide(
            reading, List.of(new Candidate(factory, 10f), new Candidate(revenue, 3f)));
    Decision far =
        report.answerability.decide(
            reading, List.of(new Candidate(factory, 10f), new Candidate(revenue, 2.5f)));

    assertEquals(List.of("2.1"), report.shortIds(near.answering()));
    assertEquals(Refusal.Reason.DETAIL_NOT_IN_REPORT, far.refusal().reason());
    assertEquals(List.of("in 2025"), far.refusal().missing());
    assertEquals(List.of(), far.answering());
  }
}
