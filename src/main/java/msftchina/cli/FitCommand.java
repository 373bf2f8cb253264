package msftchina.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import msftchina.eval.EvalQuestion;
import msftchina.eval.Fit;
import msftchina.search.DecisionModel;
import msftchina.search.KnowledgeBase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code msftchina fit}: fits the decision to answer or refuse on the tuning sets. */
@Command(
    name = "fit",
    header = "fit the decision to answer or refuse on the tuning sets, with cross-validation",
    description =
        "Tries a grid of the decision's parameters (the least coverage to answer, and when the"
            + " message names none of the report's entities, the weight of an"
            + " unknown English word and of another unknown word) on the tuning sets (every"
            + " tuning*.jsonl of the folder), chooses those with the best mean of three shares"
            + " (answerable questions answered right, near-topic ones refused, off-topic ones"
            + " refused), prints each of the k folds scored with the parameters chosen on the"
            + " others, and the parameters chosen on all; --write keeps them in"
            + " facts/decision.properties, which ask, eval and serve read. Never fit on eval/unseen"
            + " or the held-out set: they measure what the fit is worth.")
final class FitCommand extends Subcommand {

  @Option(names = "--folds", defaultValue = "5", description = "how many folds (default 5)")
  private int folds;

  @Option(names = "--seed", defaultValue = "17", description = "how the folds are shuffled")
  private long seed;

  @Option(names = "--write", description = "write the fitted parameters to the facts folder")
  private boolean write;

  @Mixin private FactsAndIndex folders;

  @Mixin private EvalSets sets;

  @Override
  public Integer call() throws Exception {
    atLeast("--folds", folds, 2);
    List<EvalQuestion> questions = sets.read(name -> name.startsWith("tuning"));
    if (questions.size() < folds) {
      throw usageError(
          "no tuning*.jsonl sets with " + folds + " questions or more in " + sets.path());
    }
    try (KnowledgeBase kb = folders.open(console())) {
      List<DecisionModel> grid = Fit.grid();
      Fit.Fitted fit = Fit.run(questions, kb::ask, grid, folds, seed);
      StringBuilder report = new StringBuilder();
      report.append(
          String.format(
              Locale.ROOT,
              "%d tuning questions, %d parameter sets, %d folds (seed %d)%n",
              questions.size(),
              grid.size(),
              folds,
              seed));
      report.append(
          String.format(
              Locale.ROOT,
              "%-5s %-40s %6s %11s %7s %10s %8s%n",
              "fold",
              "chosen on the other folds",
              "train",
              "answerable",
              "hit@1",
              "off-topic",
              "refused"));
      for (Fit.Fold f : fit.folds()) {
        report.append(
            String.format(
                Locale.ROOT,
                "%-5d %-40s %5.1f%% %11d %6.1f%% %10d %7.1f%%%n",
                f.fold(),
                describe(f.model()),
                100 * f.trainAccuracy(),
                f.answerable(),
                100 * f.hit1(),
                f.offTopic(),
                100 * f.refused()));
      }
      report.append(
          String.format(
              Locale.ROOT,
              "chosen on all: %s, %.1f%% decided right (was %s)%n",
              describe(fit.model()),
              100 * fit.accuracy(),
              describe(kb.model())));
      console().out().print(report);
      if (write) {
        Path file = folders.facts(console().env()).resolve(DecisionModel.FILE_NAME);
        Files.writeString(
            file,
            fit.model()
                .toProperties(
                    "The decision to answer or refuse, fitted by 'msftchina fit --write' on the"
                        + " tuning sets\n(never on eval/unseen or the held-out set). Its run:\n"
                        + report),
            StandardCharsets.UTF_8);
        console().out().println("wrote " + file);
      }
      return 0;
    }
  }

  private static String describe(DecisionModel m) {
    return String.format(
        Locale.ROOT,
        "coverage %.2f/%.2f, unknown %.2f/%.2f/%.2f",
        m.minCoverage(),
        m.minCoverageUnnamed(),
        m.unknownWordWeight(),
        m.unknownOtherWeight(),
        m.unknownEverydayWeight());
  }
}
