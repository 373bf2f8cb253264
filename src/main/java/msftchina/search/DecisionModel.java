package msftchina.search;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import msftchina.english.EverydayWords;
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
 * @param unknownEverydayWeight how much an unknown everyday English word weighs ("slide", "number",
 *     "morning": among the most common in WordNet's sense counts), at most {@code
 *     unknownWordWeight}: a common word says less of what a question is about than a rare one
 */
public record DecisionModel(
    double minCoverage,
    double minCoverageUnnamed,
    double unknownWordWeight,
    double unknownOtherWeight,
    double unknownEverydayWeight) {

  /** The file that holds the fitted parameters, in {@code facts/}. */
  public static final String FILE_NAME = "decision.properties";

  /** The parameters before any fit: one weight for every unknown word, as chosen by hand. */
  public static final DecisionModel UNFITTED = new DecisionModel(0.5, 0.5, 0.35, 0.35);

  public DecisionModel {
    if (!(minCoverage > 0 && minCoverage < 1)
        || !(minCoverageUnnamed >= minCoverage && minCoverageUnnamed < 1)
        || !(unknownWordWeight >= 0)
        || !(unknownOtherWeight >= 0)
        || !(unknownEverydayWeight >= 0 && unknownEverydayWeight <= unknownWordWeight)) {
      throw new IllegalArgumentException(
          "minCoverage must be between 0 and 1, minCoverageUnnamed between it and 1, the"
              + " weights >= 0 and unknownEverydayWeight at most unknownWordWeight, got "
              + this);
    }
  }

  /** Creates the parameters with an everyday word weighing as much as any other English word. */
  public DecisionModel(
      double minCoverage,
      double minCoverageUnnamed,
      double unknownWordWeight,
      double unknownOtherWeight) {
    this(minCoverage, minCoverageUnnamed, unknownWordWeight, unknownOtherWeight, unknownWordWeight);
  }

  /** Returns how much the unknown {@code word} weighs against the rarest word of the report. */
  double unknownWeight(String word) {
    if (!Lexicon.wordNet().isWord(word)) {
      return unknownOtherWeight;
    }
    return EverydayWords.isEveryday(word) ? unknownEverydayWeight : unknownWordWeight;
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
      String wordWeight = p.getProperty("unknownWordWeight", "");
      return new DecisionModel(
          minCoverage,
          // a file fitted before a parameter existed asks no more of unnamed questions, and weighs
          // everyday words as any other
          Double.parseDouble(p.getProperty("minCoverageUnnamed", Double.toString(minCoverage))),
          Double.parseDouble(wordWeight),
          Double.parseDouble(p.getProperty("unknownOtherWeight", "")),
          Double.parseDouble(p.getProperty("unknownEverydayWeight", wordWeight)));
    } catch (IllegalArgumentException e) {
      throw new FactsFormatException(
          file,
          "needs minCoverage (0 to 1), minCoverageUnnamed (minCoverage to 1, optional),"
              + " unknownWordWeight and unknownOtherWeight (>= 0) and unknownEverydayWeight (0 to"
              + " unknownWordWeight, optional) as numbers: "
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
    s.append(String.format(Locale.ROOT, "unknownEverydayWeight=%.2f%n", unknownEverydayWeight));
    return s.toString();
  }
}
