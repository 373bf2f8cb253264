package msftchina.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code msftchina ask}: its text output, its {@code --json} contract and its exit status. */
class AskCommandTest {

  private static final String TITLE = "Microsoft's AI business with Chinese companies";
  private static final String SAMPLE = "Who is Microsoft's biggest AI customer in China?";
  private static final String OFF_TOPIC = "what's the weather like in Paris tomorrow?";

  @TempDir Path tmp;

  /** What one run of the command line printed and returned. */
  private static CommandRun run(String stdin, String... args) {
    return CommandRun.of(Map.of(), stdin, List.of(args));
  }

  private CommandRun ask(String stdin, String... args) {
    List<String> all = new ArrayList<>(List.of("ask", "--index", tmp.resolve("index").toString()));
    all.addAll(List.of(args));
    return run(stdin, all.toArray(String[]::new));
  }

  /** Checks one line of {@code ask --json} output against the contract and returns it parsed. */
  private static JsonObject contractObject(String line) {
    JsonElement parsed = JsonParser.parseString(line);
    assertTrue(parsed.isJsonObject(), line);
    JsonObject o = parsed.getAsJsonObject();
    JsonArray given = o.getAsJsonArray("answers");
    assertEquals(
        given == null || !given.isEmpty()
            ? Set.of("question", "answers", "strength", "coverage")
            : Set.of("question", "answers", "strength", "coverage", "refusal", "related"),
        o.keySet(),
        line);
    assertTrue(
        o.get("question").isJsonPrimitive() && o.get("question").getAsJsonPrimitive().isString(),
        line);
    assertTrue(o.get("answers").isJsonArray(), line);
    JsonArray answers = o.getAsJsonArray("answers");
    assertTrue(answers.size() <= 3, line);
    for (JsonElement a : answers) {
      assertTrue(a.isJsonObject(), line);
      JsonObject answer = a.getAsJsonObject();
      assertEquals(Set.of("id", "text", "citations", "report", "score"), answer.keySet(), line);
      assertTrue(answer.get("id").getAsJsonPrimitive().isString(), line);
      assertTrue(answer.get("text").getAsJsonPrimitive().isString(), line);
      assertTrue(answer.get("report").getAsJsonPrimitive().isString(), line);
      assertTrue(
          answer.get("score").isJsonPrimitive()
              && answer.get("score").getAsJsonPrimitive().isNumber(),
          line);
      assertTrue(answer.get("citations").isJsonArray(), line);
      for (JsonElement c : answer.getAsJsonArray("citations")) {
        assertTrue(c.isJsonPrimitive() && c.getAsJsonPrimitive().isNumber(), line);
        assertEquals(c.getAsDouble(), Math.rint(c.getAsDouble()), line);
      }
    }
    return o;
  }

  private static List<Integer> citations(JsonObject answer) {
    List<Integer> numbers = new ArrayList<>();
    answer.getAsJsonArray("citations").forEach(c -> numbers.add(c.getAsInt()));
    return numbers;
  }

  @Test
  void jsonAnswerIsOneObjectWithQuestionAndAnswers() {
    CommandRun r = ask("", "--json", SAMPLE);
    assertEquals(0, r.status(), r.err());
    assertEquals(1, r.outLines().size(), r.out());
    JsonObject o = contractObject(r.outLines().get(0));
    assertEquals(SAMPLE, o.get("question").getAsString());
    JsonArray answers = o.getAsJsonArray("answers");
    assertFalse(answers.isEmpty());
    JsonObject first = answers.get(0).getAsJsonObject();
    assertEquals("msft-china-ai:1.2", first.get("id").getAsString());
    assertTrue(
        first
            .get("text")
            .getAsString()
            .startsWith("ByteDance leads as Microsoft's biggest AI customer in China"));
    assertEquals(List.of(1, 2, 3, 4), citations(first));
    assertEquals(TITLE, first.get("report").getAsString());
    assertTrue(first.get("score").getAsDouble() > 0);
  }

  @Test
  void jsonForAnOffTopicQuestionHasNoAnswersAndExitsZero() {
    CommandRun r = ask("", "--json", OFF_TOPIC);
    assertEquals(0, r.status(), r.err());
    assertEquals(1, r.outLines().size(), r.out());
    JsonObject o = contractObject(r.outLines().get(0));
    assertEquals(OFF_TOPIC, o.get("question").getAsString());
    assertEquals(0, o.getAsJsonArray("answers").size());
    assertEquals("not in the report", o.get("strength").getAsString());
    assertTrue(
        o.get("refusal").getAsString().startsWith("The report doesn't say anything about"),
        o.toString());
  }

  @Test
  void jsonQuestionMayComeBeforeTheOption() {
    CommandRun r =
        ask("", "Who", "is", "Microsoft's", "biggest", "AI", "customer", "in", "China?", "--json");
    assertEquals(0, r.status(), r.err());
    JsonObject o = contractObject(r.outLines().get(0));
    assertEquals(SAMPLE, o.get("question").getAsString());
  }

  @Test
  void jsonWithoutQuestionAnswersEachStdinLineInOrderBlankLinesIncluded() {
    List<String> questions =
        List.of(
            SAMPLE, "", OFF_TOPIC, "   ", "How fast is Azure's AI revenue growing in China?", "hi");
    CommandRun r = ask(String.join("\n", questions) + "\n", "--json");
    assertEquals(0, r.status(), r.err());
    List<String> lines = r.outLines();
    assertEquals(questions.size(), lines.size(), r.out());
    for (int i = 0; i < questions.size(); i++) {
      JsonObject o = contractObject(lines.get(i));
      assertEquals(questions.get(i), o.get("question").getAsString(), "line " + (i + 1));
    }
    assertEquals(
        "msft-china-ai:1.2",
        contractObject(lines.get(0))
            .getAsJsonArray("answers")
            .get(0)
            .getAsJsonObject()
            .get("id")
            .getAsString());
    assertEquals(
        0,
        contractObject(lines.get(1)).getAsJsonArray("answers").size(),
        "blank line -> empty answers");
    assertEquals(
        0,
        contractObject(lines.get(2)).getAsJsonArray("answers").size(),
        "off-topic -> empty answers");
    assertEquals(
        0,
        contractObject(lines.get(3)).getAsJsonArray("answers").size(),
        "whitespace line -> empty answers");
    assertFalse(
        contractObject(lines.get(4)).getAsJsonArray("answers").isEmpty(),
        "Azure question is answered");
    assertEquals(
        0,
        contractObject(lines.get(5)).getAsJsonArray("answers").size(),
        "greeting -> empty answers");
  }

  @Test
  void jsonWithoutQuestionAndEmptyStdinPrintsNothing() {
    CommandRun r = ask("", "--json");
    assertEquals(0, r.status(), r.err());
    assertEquals("", r.out());
  }

  @Test
  void jsonFromStdinAcceptsALastLineWithoutNewline() {
    CommandRun r = ask(SAMPLE + "\n" + OFF_TOPIC, "--json");
    assertEquals(0, r.status(), r.err());
    assertEquals(2, r.outLines().size(), r.out());
    assertEquals(OFF_TOPIC, contractObject(r.outLines().get(1)).get("question").getAsString());
  }

  @Test
  void askWithoutQuestionOrJsonIsAUsageErrorWithOneLineOnErr() {
    CommandRun r = ask("a question on stdin\n");
    assertEquals(2, r.status());
    assertEquals("", r.out());
    assertTrue(r.err().endsWith("\n"), r.err());
    assertEquals(1, r.err().strip().lines().count(), "one line on err: " + r.err());
    assertTrue(r.err().startsWith("msftchina ask: "), r.err());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"--bogus", "--JSON", "--jsonn"})
  void unknownOptionIsAUsageError(String option) {
    CommandRun r = ask("", option, SAMPLE);
    assertEquals(2, r.status());
    assertEquals("", r.out());
    assertTrue(r.err().contains(option), r.err());
  }

  @Test
  void indexOptionWithoutFolderIsAUsageError() {
    CommandRun r = run("", "ask", SAMPLE, "--index");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("--index"), r.err());
  }

  @Test
  void plainAskPrintsTheStatementWithCitationsAndReportTitle() {
    CommandRun r = ask("", SAMPLE);
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("ByteDance"), r.out());
    assertTrue(r.out().contains("[1, 2, 3, 4]"), r.out());
    assertTrue(r.out().contains(TITLE), r.out());
    assertTrue(r.out().contains("msft-china-ai:1.2"), r.out());
    assertTrue(
        r.out().lines().findFirst().orElseThrow().startsWith("1. ") || r.out().startsWith("("),
        r.out());
  }

  @Test
  void plainAskOffTopicSaysTheReportDoesNotSay() {
    CommandRun r = ask("", OFF_TOPIC);
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("The report doesn't say")), r.out());
    assertFalse(r.out().contains("[1, 2, 3, 4]"), r.out());
  }

  @Test
  void secondAskReusesTheIndexWithoutALogLine() {
    CommandRun first = ask("", "--json", SAMPLE);
    assertEquals(0, first.status(), first.err());
    assertTrue(first.err().contains("rebuilding it from"), first.err()); // built on the first ask
    CommandRun second = ask("", "--json", SAMPLE);
    assertEquals(0, second.status(), second.err());
    assertEquals("", second.err());
    assertEquals(first.out(), second.out());
  }

  // --- ask --find: lookups ---

  @Test
  void findListsEveryMatchingStatementInReportOrderWithCitations() {
    CommandRun run = ask("", "--find", "tencent | bytedance");
    assertEquals(0, run.status(), run.err());
    System.out.println("ask --find 'tencent | bytedance':\n" + run.out());
    assertTrue(run.out().startsWith("2 statement(s) with tencent | bytedance"), run.out());
    assertTrue(
        run.out().indexOf("ByteDance leads as") < run.out().indexOf("Tencent Holdings"), run.out());
    assertTrue(run.out().contains("[1, 2, 3, 4]"), run.out());
  }

  @Test
  void wordsBeginningWithADashAreWordsNotOptions() {
    CommandRun run = ask("", "--find", "tencent", "-bytedance");
    assertEquals(0, run.status(), run.err());
    assertTrue(run.out().startsWith("1 statement(s) with tencent -bytedance"), run.out());
    assertFalse(run.out().contains("ByteDance leads as"), run.out());
    CommandRun question = ask("", "--json", "-5%", "growth", "of", "Azure?");
    assertEquals(0, question.status(), question.err());
    assertEquals(
        "-5% growth of Azure?",
        contractObject(question.out().strip()).get("question").getAsString());
  }

  @Test
  void afterADoubleDashEveryWordIsPartOfTheQuestion() {
    CommandRun run = ask("", "--json", "--", "--find", "ByteDance");
    assertEquals(0, run.status(), run.err());
    assertEquals(
        "--find ByteDance", contractObject(run.out().strip()).get("question").getAsString());
  }

  @Test
  void findAsJsonGivesTheStatementsWithIdsCitationsAndReport() {
    CommandRun run = ask("", "--json", "--find", "\"biggest AI customer\"");
    assertEquals(0, run.status(), run.err());
    JsonObject o = JsonParser.parseString(run.out()).getAsJsonObject();
    assertEquals(Set.of("find", "statements"), o.keySet());
    assertEquals("\"biggest AI customer\"", o.get("find").getAsString());
    JsonObject first = o.getAsJsonArray("statements").get(0).getAsJsonObject();
    assertEquals("msft-china-ai:1.2", first.get("id").getAsString());
    assertEquals(4, first.getAsJsonArray("citations").size());
    assertEquals(TITLE, first.get("report").getAsString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"unclosed", "((", "-", "nvidia"})
  void findWithNothingMatchingSaysSoAndExitsZero(String words) {
    CommandRun run = ask("", "--find", words);
    assertEquals(0, run.status(), run.err());
    assertTrue(run.out().startsWith("No statement in the report matches"), run.out());
  }

  @Test
  void findWithoutWordsIsAUsageError() {
    assertEquals(2, ask("", "--find").status());
  }

  // --- find: the same lookup as a command of its own ---

  @Test
  void findIsACommandOfItsOwnPrintingWhatAskFindPrints() {
    CommandRun find =
        run("", "find", "--index", tmp.resolve("index").toString(), "tencent", "|", "bytedance");
    assertEquals(0, find.status(), find.err());
    assertEquals(ask("", "--find", "tencent | bytedance").out(), find.out());
    assertTrue(find.out().startsWith("2 statement(s) with tencent | bytedance"), find.out());
  }

  @Test
  void findWithoutWordsSaysWhatToGive() {
    CommandRun find = run("", "find", "--index", tmp.resolve("index").toString());
    assertEquals(2, find.status());
    assertTrue(find.err().contains("give the words to look up"), find.err());
  }

  // --- refusals in the asker's language, naming what the asker wrote ---

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "今天午饭吃什么？ | 报告没有提到 今天午饭吃什么。",
        "中午吃什么好呢 | 报告没有提到 中午吃什么好呢。",
        "what's the weather like in Paris tomorrow? | The report doesn't say anything about weather, Paris or tomorrow.",
        // a detail the report doesn't give, named by its Chinese label, not figures.txt's English
        "Brad Smith 在哪里作证？ | 报告没有提到 Brad Smith 的地点。",
        "Judson Althoff 现在担任什么职务？ | 报告没有提到 Judson Althoff 的现任职务或现状。",
        // a detail the report doesn't give, worded from the question when it can be reworded
        "when did Brad Smith testify? | The report doesn't say when Brad Smith testified.",
        "where did Brad Smith testify? | The report doesn't say where Brad Smith testified.",
        "who is Judson Althoff's current role? | The report doesn't say who Judson Althoff's current role is.",
        // and by what the report lacks when it can't (no wh-word, or a long message)
        "Judson Althoff's current role, please | The report doesn't say anything about the current role or status for Judson Althoff.",
        "hey, quick one: when did Brad Smith testify? need it for a deck | The report doesn't say anything about a date for Brad Smith.",
      })
  void aRefusalIsInTheAskersLanguageAndNamesWhatTheyWrote(String question, String refusal) {
    CommandRun text = ask("", question);
    assertEquals(0, text.status(), text.err());
    assertTrue(text.out().startsWith(refusal), text.out());
    JsonObject json = contractObject(ask("", "--json", question).out().strip());
    assertTrue(json.get("refusal").getAsString().startsWith(refusal), json.toString());
  }

  // --- near-topic questions: the report doesn't say, and what comes closest ---

  @Test
  void aNearTopicQuestionIsRefusedWithTheClosestStatementAsRelated() {
    String question = "How much does Tencent spend on Microsoft AI?";
    JsonObject o = contractObject(ask("", "--json", question).out().strip());
    assertEquals(0, o.getAsJsonArray("answers").size(), o.toString());
    assertEquals(
        "The report doesn't say how much Tencent spends on Microsoft AI.",
        o.get("refusal").getAsString());
    JsonObject closest = o.getAsJsonArray("related").get(0).getAsJsonObject();
    assertEquals("msft-china-ai:1.3", closest.get("id").getAsString());
    assertEquals(Set.of("id", "text", "citations", "report", "score"), closest.keySet());

    CommandRun text = ask("", question);
    assertTrue(
        text.out()
            .startsWith(
                "The report doesn't say how much Tencent spends on Microsoft AI.\n"
                    + "Closest in the report:\n1. Other major Chinese firms"),
        text.out());
  }
}
