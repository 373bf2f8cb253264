package msftchina.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * The one-line errors of a database that can't be used: what is wrong and what to do, with any
 * password redacted (the drivers' and the JDK's own messages are often a name alone, or carry the
 * URL).
 */
final class StoreErrors {

  private StoreErrors() {}

  /** Returns the one-line error for {@code e} on the database of {@code settings}. */
  static StoreException failure(StoreSettings settings, SQLException e) {
    String message = settings.redact(firstLine(e));
    if (message.startsWith("Unable to parse URL")) { // the driver's words, with the URL
      return new StoreException(
          "MSFTCHINA_DB is not a URL the PostgreSQL driver can read ("
              + settings.where()
              + "): check the host, the port (1 to 65535) and that special characters in the"
              + " user and password are %-encoded");
    }
    if (message.contains("SQLITE_NOTADB") || message.contains("SQLITE_CORRUPT")) {
      return new StoreException(
          settings.where()
              + " is corrupt or not a SQLite database; move it away (a new one is created) or"
              + " set MSFTCHINA_DB");
    }
    if (settings.sqlite() && message.contains("SQLITE_READONLY")) {
      return new StoreException(
          settings.where()
              + " is read-only for serve; give the user running serve write access to it and its"
              + " folder (SQLite writes -wal and -shm files beside it), or set MSFTCHINA_DB");
    }
    if (settings.sqlite() && message.contains("SQLITE_CANTOPEN")) {
      return new StoreException(
          "cannot open the database file "
              + settings.where()
              + "; check that it and its folder can be read and written by the user running serve"
              + " (SQLite writes -wal and -shm files beside it), or set MSFTCHINA_DB");
    }
    return new StoreException("cannot use the database " + settings.where() + ": " + message);
  }

  /**
   * Returns the one-line error for a SQLite file that can't be checked or made: what is wrong and
   * what to do (the JDK's own message is often the file's name alone).
   */
  static String cannotUse(Path file, IOException e) {
    String fix = "; or set MSFTCHINA_DB to another file";
    if (e instanceof AccessDeniedException) {
      return "cannot use the database file "
          + file
          + ": permission denied; give the user running serve read and write access to it and"
          + " its folder"
          + fix;
    }
    if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
      String blocker = ((FileSystemException) e).getFile();
      return "cannot use the database file "
          + file
          + ": "
          + blocker
          + " is a file, not a folder, so the database can't be created under it; move it away"
          + fix;
    }
    String reason =
        e instanceof FileSystemException fs && fs.getReason() != null
            ? fs.getReason()
            : e.getClass().getSimpleName();
    return "cannot use the database file "
        + file
        + ": "
        + reason
        + "; check that it and its folder can be read and written by the user running serve"
        + fix;
  }

  /** Returns the first line of {@code e}'s message, or its class's name when it has none. */
  static String firstLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.strip().lines().findFirst().orElse("").strip();
  }
}
