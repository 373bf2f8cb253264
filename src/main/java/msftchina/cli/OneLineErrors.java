package msftchina.cli;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import msftchina.app.StorageUnreadable;
import msftchina.facts.FactsFormatException;
import msftchina.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Says what stopped a command in one line on standard error, never a stack trace, and returns the
 * exit status: 2 for a command line that can't be run as given, 1 for a failure (a missing file, a
 * malformed facts file, the store, a port in use).
 */
final class OneLineErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {

  static final int USAGE = 2;
  static final int FAILURE = 1;

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    String name = command.getCommandSpec().qualifiedName();
    String message = String.valueOf(e.getMessage()).replaceFirst("\\.$", "");
    if (e instanceof UnmatchedArgumentException unmatched) {
      if (command.getParent() == null && !unmatched.isUnknownOption()) {
        message = "unknown command '" + unmatched.getUnmatched().get(0) + "'";
      }
      if (!unmatched.getSuggestions().isEmpty()) {
        message += " (did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?)";
      }
    }
    command.getErr().println(name + ": " + message + "; see '" + name + " --help'");
    return USAGE;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
    command.getErr().println(command.getCommandSpec().qualifiedName() + ": " + reason(e));
    return FAILURE;
  }

  private static String reason(Exception e) {
    if (e instanceof FactsFormatException
        || e instanceof StoreException
        || e instanceof StorageUnreadable) {
      return e.getMessage();
    }
    if (e instanceof NoSuchFileException missing) {
      return missing.getFile()
          + ": "
          + (missing.getReason() == null ? "no such file" : missing.getReason());
    }
    return e instanceof IOException ? e.toString() : "unexpected error: " + e;
  }
}
