package msftchina.server;

import com.google.gson.JsonParseException;

/**
 * Whether a failure running a Slack request came from reading its JSON into Slack's shapes, not
 * from our code: Gson's {@link JsonParseException}, or an exception thrown inside Gson or the Slack
 * SDK's JSON adapters (a block without a {@code type} makes the SDK's block factory throw a
 * NullPointerException). Such a request is the sender's mistake: it gets a 400 and a WARN line,
 * never a 500 and an ERROR.
 */
final class UnreadablePayload {

  private static final String[] READERS = {"com.google.gson.", "com.slack.api.util.json."};

  private UnreadablePayload() {}

  /** Returns whether {@code failure}, or one of its causes, is a failure to read the payload. */
  static boolean is(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof JsonParseException || thrownByReader(t)) {
        return true;
      }
    }
    return false;
  }

  private static boolean thrownByReader(Throwable t) {
    StackTraceElement[] trace = t.getStackTrace();
    if (trace.length == 0) {
      return false;
    }
    String thrower = trace[0].getClassName();
    for (String reader : READERS) {
      if (thrower.startsWith(reader)) {
        return true;
      }
    }
    return false;
  }
}
