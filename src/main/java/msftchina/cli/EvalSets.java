package msftchina.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import msftchina.eval.EvalQuestion;
import picocli.CommandLine.Parameters;

/**
 * The evaluation sets {@code eval} and {@code fit} read: a JSON Lines file, or every {@code
 * *.jsonl} of a folder (default {@code eval}).
 */
final class EvalSets {

  private static final String DEFAULT = "eval";

  @Parameters(
      paramLabel = "FILE_OR_DIR",
      arity = "0..1",
      defaultValue = DEFAULT,
      description = "the evaluation set, or a folder of them (default: " + DEFAULT + "/)")
  private Path path;

  /** Returns the file or folder given. */
  Path path() {
    return path;
  }

  /**
   * Returns the questions of the sets whose file names pass {@code which}, in the order of their
   * names; a folder with no {@code *.jsonl} is a {@link NoSuchFileException}.
   */
  List<EvalQuestion> read(Predicate<String> which) throws IOException {
    List<EvalQuestion> questions = new ArrayList<>();
    for (Path file : files()) {
      if (which.test(file.getFileName().toString())) {
        questions.addAll(EvalQuestion.read(file));
      }
    }
    return questions;
  }

  private List<Path> files() throws IOException {
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
