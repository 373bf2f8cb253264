package msftchina.cli;

/** A command line that can't be run as given; its message says how to run it. */
final class UsageException extends RuntimeException {

  UsageException(String message) {
    super(message);
  }
}
