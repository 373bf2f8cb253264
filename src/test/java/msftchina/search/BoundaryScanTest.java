package msftchina.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import msftchina.eval.EvalQuestion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A pattern found at word boundaries only finds what {@code find()} finds, and only then. */
class BoundaryScanTest {

  @ParameterizedTest(name = "{0} starts at boundaries: {1}")
  @CsvSource(
      delimiterString = " ~ ",
      textBlock =
          """
          \\bhow (much|many)\\b ~ true
          ^\\W*(what|which)\\b|\\bfor what\\b ~ true
          (?<![$\\d.,])\\b\\d+|\\b(two|three)\\b ~ true
          (?:\\bwho|\\bwhom) else|什么时候 ~ true
          how much ~ false
          \\bwhat|% ~ false
          (\\bwhat)?\\bwhen ~ false
          (?=.*x)\\bwhen ~ false
          \\b?how ~ false
          \\b{g}how ~ false
          ^?how ~ false
          Kelvin ~ false
          """)
  void aPatternIsScannedAtBoundariesOnlyWhenEveryAlternativeStartsAtOne(
      String regex, boolean atBoundaries) {
    assertEquals(atBoundaries, BoundaryScan.allStartAtBoundary(regex), regex);
  }

  @Test
  void everyPatternOfTheBundledFiguresIsScannedAtBoundaries() throws IOException {
    for (String line : Files.readAllLines(Path.of("facts/figures.txt"))) {
      if (line.matches("\\w+ asked( besides)?:.*")) {
        String regex = line.substring(line.indexOf(':') + 1).strip();
        assertTrue(BoundaryScan.allStartAtBoundary(regex), line);
      }
    }
  }

  @Test
  void everyPatternOfTheBundledFiguresKnowsTheCharactersItsMatchesStartWith() throws IOException {
    for (String line : Files.readAllLines(Path.of("facts/figures.txt"))) {
      if (line.matches("\\w+ asked( besides)?:.*")) {
        String regex = line.substring(line.indexOf(':') + 1).strip();
        assertTrue(BoundaryScan.of(Pattern.compile(regex)).knowsStarts(), line);
      }
    }
  }

  @Test
  void findsWhatFindFindsInEveryEvaluationQuestion() throws IOException {
    List<Pattern> patterns = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("facts/figures.txt"))) {
      if (line.matches("\\w+ (asked|asked besides|given|given near):.*")) {
        patterns.add(Pattern.compile(line.substring(line.indexOf(':') + 1).strip()));
      }
    }
    List<String> questions = new ArrayList<>();
    try (Stream<Path> sets = Files.walk(Path.of("eval"))) {
      for (Path set : sets.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
        EvalQuestion.read(set).forEach(q -> questions.add(q.question().toLowerCase(Locale.ROOT)));
      }
    }
    questions.add("");
    questions.add("微软明年有什么计划？");
    int found = 0;
    for (Pattern pattern : patterns) {
      BoundaryScan scan = BoundaryScan.of(pattern);
      for (String q : questions) {
        boolean expected = pattern.matcher(q).find();
        assertEquals(expected, scan.find(q), () -> pattern + " in " + q);
        found += expected ? 1 : 0;
      }
    }
    assertTrue(found > 500, "found " + found);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiterString = " ~ ",
      textBlock =
          """
          \\b(how|what) (much|many)\\b ~ \\b(?:how|what) (?:much|many)\\b
          (?:a|b)(?!c)[(]x ~ (?:a|b)(?!c)[(]x
          \\(a\\) ~ \\(a\\)
          (a)\\1 ~ (a)\\1
          \\Q(\\E(a) ~ \\Q(\\E(?:a)
          [[a](](b) ~ [[a](](?:b)
          """)
  void theAskedPatternsAreMatchedWithoutCapturingGroups(String regex, String matched) {
    assertEquals(matched, Figures.nonCapturing(regex));
  }

  @Test
  void aPatternNotStartingAtBoundariesIsFoundAnywhere() {
    BoundaryScan scan = BoundaryScan.of(Pattern.compile("much"));
    assertFalse(scan.atBoundaries());
    assertTrue(scan.find("so-much-so"));
  }
}
