package msftchina.app;

/**
 * What was recorded can't be read back: the database failed or is gone. Its message is one line
 * naming the database, with any password redacted.
 */
public final class StorageUnreadable extends Exception {

  private static final long serialVersionUID = 1L;

  /** Creates the error {@code message}, caused by {@code cause}. */
  public StorageUnreadable(String message, Throwable cause) {
    super(message, cause);
  }
}
