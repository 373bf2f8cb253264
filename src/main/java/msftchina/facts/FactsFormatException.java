package msftchina.facts;

import java.nio.file.Path;

/** A report or facts file that cannot be read, with the file and line that is wrong. */
public final class FactsFormatException extends RuntimeException {

  /** Creates the error {@code file:line: problem}. */
  public FactsFormatException(Path file, int line, String problem) {
    super(file + ":" + line + ": " + problem);
  }

  /** Creates the error {@code file: problem}, for what is wrong with the file as a whole. */
  public FactsFormatException(Path file, String problem) {
    super(file + ": " + problem);
  }
}
