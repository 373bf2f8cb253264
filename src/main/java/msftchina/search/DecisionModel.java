package msftchina.search;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import msftchina.english.Lexicon;
import msftchina.facts.FactsFormatException;
import msftchina.facts.TextFile;

/**
 * The few parameters of the decision to answer or refuse, fitted on the tuning sets with
 * cross-validation ({@code msftchina fit}) and kept in {@code facts/decision.properties}: how much
 * of a question's weight the report's words must carry, and how much a word the report never uses
 * weighs, as the evidence that the question is about something else.
 *
 * @param minCoverage the least share of a question's weight the report must cover to answer
 * @param minCoverageUnnamed the least share when the message names none of the report's entities
 *     (at least {@code minCoverage}): the report's subject unnamed, its other words must carry the
 *     question ("our biggest customer wants a discount")
 * @param unknownWordWeight how much an English word the report never uses weighs against the rarest
 *     word of the report ("weather", "cafe")
 * @param unknownOtherWeight how much another unknown token weighs: not an English word, and near no
 *     word of the report ("Kuaishou" lower-cased, "asap", a code)
 */
public record DecisionModel(
    double minCoverage,
    double minCoverageUnnamed,
    double unknownWordWeight,
    double unknownOtherWeight) {

  /** The file that holds the fitted parameters, in {@code facts/}. */
  public static final String FILE_NAME = "decision.properties";

  /** The parameters before any fit: one weight for every unknown word, as chosen by hand. */
  public static final DecisionModel UNFITTED = new DecisionModel(0.5, 0.5, 0.35, 0.35);

  public DecisionModel {
    if (!(minCoverage > 0 && minCoverage < 1)
        || !(minCoverageUnnamed >= minCoverage && minCoverageUnnamed < 1)
        || !(unknownWordWeight >= 0)
        || !(unknownOtherWeight >= 0)) {
      throw new IllegalArgumentException(
          "minCoverage must be between 0 and 1, minCoverageUnnamed between it and 1 and the"
              + " weights >= 0, got "
              + this);
    }
  }

  /** Returns how much the unknown {@code word} weighs against the rarest word of the report. */
  double unknownWeight(String word) {
    return Lexicon.wordNet().isWord(word) ? unknownWordWeight : unknownOtherWeight;
  }

  /** Returns the model in {@code factsDir}, or {@link #UNFITTED} when it has none. */
  public static DecisionModel read(Path factsDir) throws IOException {
    Path file = factsDir.resolve(FILE_NAME);
    if (!Files.exists(file)) {
      return UNFITTED;
    }
    Properties p = new Properties();
    p.load(new StringReader(String.join("\n", TextFile.lines(file))));
    try {
      double minCoverage = Double.parseDouble(p.getProperty("minCoverage", ""));
      return new DecisionModel(
          minCoverage,
          // a file fitted before the parameter existed asks no more of unnamed questions
          Double.parseDouble(p.getProperty("minCoverageUnnamed", Double.toString(minCoverage))),
          Double.parseDouble(p.getProperty("unknownWordWeight", "")),
          Double.parseDouble(p.getProperty("unknownOtherWeight", "")));
    } catch (IllegalArgumentException e) {
      throw new FactsFormatException(
          file,
          "needs minCoverage (0 to 1), minCoverageUnnamed (minCoverage to 1, optional),"
              + " unknownWordWeight and unknownOtherWeight (>= 0) as numbers: "
              + e.getMessage());
    }
  }

  /** Returns the model as the lines of its file, after {@code comment} lines. */
  public String toProperties(String comment) {
    StringBuilder s = new StringBuilder();
    comment.lines().forEach(line -> s.append("# ").append(line).append('\n'));
    s.append(String.format(Locale.ROOT, "minCoverage=%.2f%n", minCoverage));
    s.append(String.format(Locale.ROOT, "minCoverageUnnamed=%.2f%n", minCoverageUnnamed));
    s.append(String.format(Locale.ROOT, "unknownWordWeight=%.2f%n", unknownWordWeight));
    s.append(String.format(Locale.ROOT, "unknownOtherWeight=%.2f%n", unknownOtherWeight));
    return s.toString();
  }
}
