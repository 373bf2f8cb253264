package msftchina.server;

import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import com.slack.api.bolt.jakarta_servlet.SlackAppServletAdapter;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewClosedRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bolt's {@link SlackAppServlet} with its {@link SlackAppServletAdapter}, behind {@link SignedBody}
 * (which has refused bodies over the limit and bodies without a valid, fresh signature): the
 * adapter builds Bolt's request from the signed bytes, and the app runs it. Bodies Bolt can't parse
 * get 400; anything else that goes wrong is ours: a 500, with the stack trace in the log and never
 * in the reply.
 *
 * <p>The servlet's own {@code doPost} is not used as it is: it answers a body Bolt can't parse with
 * a text 400 or, when the parser throws, lets Jetty answer 500; it answers a payload Gson can't
 * read as Slack's shape (a {@code JsonParseException} from the app, or a block without a type that
 * the SDK's reader trips on) 500 with an ERROR log line, where this servlet answers 400 and a WARN
 * ({@link UnreadablePayload}); and it writes the reply through the servlet's writer, which Jetty
 * encodes character by character (answers several times slower than usage). The adapter's body
 * reading is not used either: it joins the body's lines with the platform's line separator, and
 * decodes by the request's charset; here the body is the signed bytes, as UTF-8.
 */
final class EventsServlet extends SlackAppServlet {

  private static final long serialVersionUID = 1L;

  private static final Logger log = LoggerFactory.getLogger(EventsServlet.class);

  private final transient SlackAppServletAdapter adapter;

  EventsServlet(App app) {
    super(app);
    this.adapter =
        new SlackAppServletAdapter(app.config()) {
          @Override
          protected String doReadRequestBodyAsString(HttpServletRequest req) throws IOException {
            return req instanceof SignedBody.Read read
                ? read.text()
                : super.doReadRequestBodyAsString(req);
          }
        };
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    run(parse(req), resp);
  }

  /**
   * Runs the app as {@link SlackAppServlet#doPost} does: 400 for what Gson can't read as the shape
   * Slack sends, 500 for anything else.
   */
  private void run(Request<?> slackRequest, HttpServletResponse resp) throws IOException {
    if (slackRequest == null) {
      reject(resp, 400, "malformed or unsupported request");
      return;
    }
    Response slackResponse;
    try {
      slackResponse = getApp().run(slackRequest);
    } catch (Exception e) {
      if (UnreadablePayload.is(e)) {
        log.warn(
            "{} request not parsed, answered 400: {}", slackRequest.getRequestType(), e.toString());
        reject(resp, 400, "malformed or unsupported request");
        return;
      }
      log.error("{} request failed, answered 500", slackRequest.getRequestType(), e);
      reject(resp, 500, "Something is wrong");
      return;
    }
    resp.setStatus(slackResponse.getStatusCode());
    slackResponse
        .getHeaders()
        .forEach((name, values) -> values.forEach(value -> resp.addHeader(name, value)));
    write(resp, slackResponse.getContentType(), slackResponse.getBody());
  }

  /**
   * Writes {@code body} as UTF-8 bytes with its length, in one write: Jetty's servlet writer
   * encodes character by character, which made answers several times slower than usage.
   */
  private static void write(HttpServletResponse resp, String contentType, String body)
      throws IOException {
    if (body == null) {
      return;
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (contentType != null) {
      resp.setContentType(contentType);
    }
    resp.setContentLength(bytes.length);
    resp.getOutputStream().write(bytes);
  }

  /** Returns the Bolt request the adapter builds from {@code req}, or null when Bolt can't. */
  private Request<?> parse(HttpServletRequest req) {
    try {
      Request<?> parsed = adapter.buildSlackRequest(req);
      return isComplete(parsed) ? parsed : null;
    } catch (RuntimeException | IOException e) {
      return null;
    }
  }

  /** Returns false for a payload that lacks what Bolt takes for granted in its type. */
  private static boolean isComplete(Request<?> request) {
    if (request instanceof ViewClosedRequest closed) {
      return closed.getPayload() != null && closed.getPayload().getView() != null;
    }
    if (request instanceof BlockActionRequest action
        && action.getPayload() != null
        && action.getPayload().getActions() != null) {
      return action.getPayload().getActions().stream().allMatch(java.util.Objects::nonNull);
    }
    if (request instanceof ViewSubmissionRequest submission) {
      return submission.getPayload() != null && submission.getPayload().getView() != null;
    }
    return true;
  }

  /** Answers {@code status} with {@code {"error": error}}. */
  static void reject(HttpServletResponse resp, int status, String error) throws IOException {
    resp.setStatus(status);
    write(resp, "application/json", "{\"error\":\"" + error + "\"}");
  }
}
