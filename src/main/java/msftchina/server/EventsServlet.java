package msftchina.server;

import com.google.gson.JsonParseException;
import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.ServletAdapterOps;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bolt's {@link SlackAppServlet}, running the app as it does, behind two checks of the request
 * body, so that bad input gets a 4xx rather than a 500: bodies over {@link #MAX_BODY_BYTES} get
 * 413, and bodies Bolt can't parse (malformed form or JSON, unknown payloads) get 400; so do
 * payloads that parse but make Bolt throw later for their shape (a field of the wrong type, a
 * view_closed without its view).
 */
final class EventsServlet extends SlackAppServlet {

  /** The largest request body accepted: 1 MiB. */
  static final int MAX_BODY_BYTES = 1 << 20;

  private static final Logger log = LoggerFactory.getLogger(EventsServlet.class);

  private final transient SlackRequestParser parser;

  EventsServlet(App app) {
    super(app);
    this.parser = new SlackRequestParser(app.config());
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
    run(parse(req, new String(body, StandardCharsets.UTF_8)), resp);
  }

  /**
   * Runs the app as {@link SlackAppServlet#doPost} does, except that what Gson and Bolt throw on a
   * payload shaped unlike Slack's gets 400 rather than 500.
   */
  private void run(Request<?> slackRequest, HttpServletResponse resp) throws IOException {
    if (slackRequest == null) {
      reject(resp, 400, "malformed or unsupported request");
      return;
    }
    Response slackResponse;
    try {
      slackResponse = getApp().run(slackRequest);
    } catch (JsonParseException
        | IllegalStateException
        | UnsupportedOperationException
        | NullPointerException
        | ClassCastException e) {
      log.warn(
          "{} request not handled, answered 400: {}", slackRequest.getRequestType(), e.toString());
      reject(resp, 400, "malformed or unsupported request");
      return;
    } catch (Exception e) {
      log.error("{} request failed: {}", slackRequest.getRequestType(), e.toString());
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
      return parser.parse(request);
    } catch (RuntimeException e) {
      return null;
    }
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
