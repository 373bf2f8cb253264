package msftchina.store;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the warnings a JDBC driver logs through java.util.logging to our log at debug level, with
 * any password in a URL redacted, instead of to standard error, where the JDK's console handler
 * writes it (two lines a message, outside our log's format).
 */
final class DriverLog extends Handler {

  private final Logger log;
  private final SimpleFormatter formatter = new SimpleFormatter();

  private DriverLog(Logger log) {
    this.log = log;
  }

  /** Routes what {@code logger} hears to our log, and nothing of it to its parents' handlers. */
  static void route(java.util.logging.Logger logger) {
    logger.setUseParentHandlers(false);
    logger.setLevel(Level.WARNING); // finer levels make the driver do work for nothing
    logger.addHandler(new DriverLog(LoggerFactory.getLogger(logger.getName())));
  }

  @Override
  public void publish(LogRecord record) {
    if (log.isDebugEnabled()) {
      log.debug(StoreSettings.redactUrls(formatter.formatMessage(record)));
    }
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
