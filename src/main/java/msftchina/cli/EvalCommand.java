package msftchina.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import msftchina.eval.EvalQuestion;
import msftchina.eval.Evaluation;
import msftchina.search.KnowledgeBase;

/** {@code msftchina eval}: measures answer quality on an evaluation set. */
final class EvalCommand implements Command {

  private static final String USAGE = "msftchina eval [--facts DIR] [--index DIR] [FILE or DIR]";
  static final String DEFAULT_SET = "eval";

  @Override
  public String name() {
    return "eval";
  }

  @Override
  public String summary() {
    return "measure hit@1, hit@3, MRR and correct refusals on an evaluation set";
  }

  @Override
  public String help() {
    return "usage: "
        + USAGE
        + "\n\n"
        + "Asks every question of FILE, or of every *.jsonl in DIR (default: "
        + DEFAULT_SET
        + "/; JSON Lines of\n"
        + "{\"question\": \"...\", \"expect\": [\"fact id\", ...], \"part\": \"tuning\"}, with \"expect\": []\n"
        + "for questions the report doesn't cover) and prints, for each part and for all:\n"
        + "hit@1, hit@3 and MRR over the answerable questions, the share of the others correctly\n"
        + "refused, errors, and every miss.\n";
  }

  @Override
  public int run(List<String> args, Console console) throws Exception {
    Options options = Options.parse(args, console.env(), USAGE);
    if (options.words.size() > 1) {
      throw new UsageException("give at most one evaluation file; usage: " + USAGE);
    }
    Path path = Path.of(options.words.isEmpty() ? DEFAULT_SET : options.words.get(0));
    List<EvalQuestion> questions = new ArrayList<>();
    for (Path file : setFiles(path)) {
      questions.addAll(EvalQuestion.read(file));
    }
    try (KnowledgeBase kb =
        KnowledgeBase.open(options.facts, options.index, console.err()::println)) {
      Map<String, Evaluation.Scores> scores = Evaluation.run(questions, kb::ask);
      console
          .out()
          .printf(
              "%-10s %10s %7s %7s %6s %9s %8s %6s%n",
              "part", "answerable", "hit@1", "hit@3", "MRR", "off-topic", "refused", "errors");
      for (Evaluation.Scores s : scores.values()) {
        console
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
      console.out().println(misses.isEmpty() ? "\nno misses" : "\nmisses (" + misses.size() + "):");
      misses.forEach(m -> console.out().println("  " + m));
    }
    return 0;
  }

  private static List<Path> setFiles(Path path) throws IOException {
    if (!Files.isDirectory(path)) {
      return List.of(path);
    }
    try (var files = Files.list(path)) {
      List<Path> sets = files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList();
      if (sets.isEmpty()) {
        throw new NoSuchFileException(
            path.toString(), null, "no *.jsonl evaluation set in this folder");
      }
      return sets;
    }
  }
}
