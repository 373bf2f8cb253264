package msftchina.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A subcommand of {@code msftchina}: runs in the {@link Console} of the {@link Main} it is added
 * to, takes {@code -h}/{@code --help}, and returns its exit status.
 */
@Command(sortOptions = false, sortSynopsis = false)
abstract class Subcommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  // The console is the top command's: picocli sets it here when the command is added to it.
  @ParentCommand private Main main;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      order = 1,
      description = "print this help and exit")
  boolean help;

  /** Returns what the command reads from and writes to. */
  Console console() {
    return main.console();
  }

  /** Returns the error for a command line that can't be run as given (exit status 2). */
  ParameterException usageError(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  /** Rejects, as a usage error, a number given to {@code option} that is less than {@code min}. */
  void atLeast(String option, int value, int min) {
    if (value < min) {
      throw usageError(option + " must be at least " + min + ", not " + value);
    }
  }

  /**
   * Returns {@code words}, a question or words to look up, joined by spaces. Only a word beginning
   * with "--" is taken for a mistyped option, unless the command line has "--" before the words.
   */
  String freeText(List<String> words) {
    if (!spec.commandLine().getParseResult().originalArgs().contains("--")) {
      for (String word : words) {
        if (word.startsWith("--")) {
          throw usageError("Unknown option: '" + word + "'");
        }
      }
    }
    return String.join(" ", words);
  }
}
