package msftchina.cli;

import java.util.List;
import java.util.Map;
import msftchina.eval.EvalQuestion;
import msftchina.eval.Evaluation;
import msftchina.search.KnowledgeBase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code msftchina eval}: measures answer quality on an evaluation set. */
@Command(
    name = "eval",
    header = "measure hit@1, hit@3, MRR and correct refusals on an evaluation set",
    description =
        "Asks every question of FILE_OR_DIR (of every *.jsonl in a folder) and prints, for each"
            + " part and for all: hit@1, hit@3 and MRR over the answerable questions, the share of"
            + " the others correctly refused, errors, and every miss.",
    footer = {
      "%nAn evaluation set is JSON Lines of",
      "  {\"question\": \"...\", \"expect\": [\"fact id\", ...], \"part\": \"tuning\"}",
      "with \"expect\": [] for questions the report doesn't cover."
    })
final class EvalCommand extends Subcommand {

  @Mixin private FactsAndIndex folders;

  @Mixin private EvalSets sets;

  @Override
  public Integer call() throws Exception {
    List<EvalQuestion> questions = sets.read(name -> true);
    try (KnowledgeBase kb = folders.open(console())) {
      Map<String, Evaluation.Scores> scores = Evaluation.run(questions, kb::ask);
      console()
          .out()
          .printf(
              "%-10s %10s %7s %7s %6s %9s %8s %6s%n",
              "part", "answerable", "hit@1", "hit@3", "MRR", "off-topic", "refused", "errors");
      for (Evaluation.Scores s : scores.values()) {
        console()
            .out()
            .printf(
                "%-10s %10d %6.1f%% %6.1f%% %6.3f %9d %7.1f%% %6d%n",
                s.part(),
                s.answerable(),
                100 * s.hit1(),
                100 * s.hit3(),
                s.mrr(),
                s.offTopic(),
                100 * s.refused(),
                s.errors());
      }
      List<String> misses = scores.get("all").misses();
      console()
          .out()
          .println(misses.isEmpty() ? "\nno misses" : "\nmisses (" + misses.size() + "):");
      misses.forEach(m -> console().out().println("  " + m));
    }
    return 0;
  }
}
