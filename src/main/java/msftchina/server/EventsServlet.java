package msftchina.server;

import com.google.gson.JsonParseException;
import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.ServletAdapterOps;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewClosedRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bolt's {@link SlackAppServlet}, running the app as it does, behind checks of the raw request:
 * bodies over {@link #MAX_BODY_BYTES} get 413; bodies without a valid, fresh Slack signature get
 * 401 before anything parses them; bodies Bolt can't parse get 400. Anything else that goes wrong
 * is ours: a 500, with the stack trace in the log and never in the reply.
 */
final class EventsServlet extends SlackAppServlet {

  /** The largest request body accepted: 1 MiB. */
  static final int MAX_BODY_BYTES = 1 << 20;

  private static final Logger log = LoggerFactory.getLogger(EventsServlet.class);

  private final transient SlackRequestParser parser;
  private final transient RequestSignature signature;

  EventsServlet(App app) {
    super(app);
    this.parser = new SlackRequestParser(app.config());
    this.signature = new RequestSignature(app.config().getSigningSecret(), Clock.systemUTC());
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    if (req.getContentLengthLong() > MAX_BODY_BYTES) {
      tooLarge(resp);
      return;
    }
    byte[] body = req.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
    if (body.length > MAX_BODY_BYTES) {
      tooLarge(resp);
      return;
    }
    if (!signature.verify(
        req.getHeader("X-Slack-Request-Timestamp"), req.getHeader("X-Slack-Signature"), body)) {
      reject(resp, 401, "invalid request");
      return;
    }
    run(parse(req, new String(body, StandardCharsets.UTF_8)), resp);
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
    } catch (JsonParseException e) {
      log.warn(
          "{} request not parsed, answered 400: {}", slackRequest.getRequestType(), e.toString());
      reject(resp, 400, "malformed or unsupported request");
      return;
    } catch (Exception e) {
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

  /** Returns the Bolt request for {@code body}, or null when Bolt can't parse it. */
  private Request<?> parse(HttpServletRequest req, String body) {
    try {
      SlackRequestParser.HttpRequest request =
          SlackRequestParser.HttpRequest.builder()
              .requestUri(req.getRequestURI())
              .queryString(QueryStringParser.toMap(req.getQueryString()))
              .headers(new RequestHeaders(ServletAdapterOps.toHeaderMap(req)))
              .requestBody(body)
              .remoteAddress(req.getRemoteAddr())
              .build();
      Request<?> parsed = parser.parse(request);
      return isComplete(parsed) ? parsed : null;
    } catch (RuntimeException e) {
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

  /**
   * Refuses an oversized body. The rest of it is never read, so the connection is closed: a client
   * that kept it for its next request would find it dead.
   */
  private static void tooLarge(HttpServletResponse resp) throws IOException {
    resp.setHeader("Connection", "close");
    reject(resp, 413, "request body over 1 MiB");
  }

  private static void reject(HttpServletResponse resp, int status, String error)
      throws IOException {
    resp.setStatus(status);
    write(resp, "application/json", "{\"error\":\"" + error + "\"}");
  }
}
