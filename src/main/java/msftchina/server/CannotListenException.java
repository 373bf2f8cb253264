package msftchina.server;

import java.io.IOException;
import java.net.BindException;

/**
 * The server can't listen where its settings say: one line naming the address, the reason and the
 * setting that changes it ({@code PORT}, {@code HOST}). Its {@link #toString} is the message alone,
 * so that it prints as the line it is.
 */
public final class CannotListenException extends IOException {

  private static final long serialVersionUID = 1L;

  CannotListenException(String host, int port, IOException cause) {
    super(describe(host, port, cause), cause);
  }

  private static String describe(String host, int port, IOException e) {
    String where = "cannot listen on " + host + ":" + port;
    Throwable bind = e;
    while (bind != null && !(bind instanceof BindException)) {
      bind = bind.getCause();
    }
    String reason = bind == null || bind.getMessage() == null ? "" : bind.getMessage();
    if (reason.contains("in use")) {
      return where
          + ": the port is in use (another serve, or another program); set PORT to a free port";
    }
    if (reason.contains("ermission")) {
      return where
          + ": permission denied (ports below 1024 need privileges); set PORT to 1024 or"
          + " more";
    }
    if (reason.contains("assign")) {
      return where + ": " + host + " is not an address of this machine; set HOST (default 0.0.0.0)";
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return where + " (" + message + "); set PORT and HOST to where this machine can listen";
  }

  @Override
  @SuppressWarnings("OverrideThrowableToString") // printed as "msftchina serve: " + toString()
  public String toString() {
    return getMessage();
  }
}
