package msftchina.server;

import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.ServletAdapterOps;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Bolt's {@link SlackAppServlet} behind two checks of the request body, so that bad input gets
 * a 4xx rather than a 500: bodies over {@link #MAX_BODY_BYTES} get 413, and bodies Bolt can't
 * parse (malformed form or JSON, unknown payloads) get 400.
 */
final class EventsServlet extends SlackAppServlet {

  /** The largest request body accepted: 1 MiB. */
  static final int MAX_BODY_BYTES = 1 << 20;

  private final transient SlackRequestParser parser;

  EventsServlet(App app) {
    super(app);
    this.parser = new SlackRequestParser(app.config());
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    if (req.getContentLengthLong() > MAX_BODY_BYTES) {
      reject(resp, 413, "request body over 1 MiB");
      return;
    }
    byte[] body = req.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
    if (body.length > MAX_BODY_BYTES) {
      reject(resp, 413, "request body over 1 MiB");
      return;
    }
    HttpServletRequest buffered = new BufferedBody(req, body);
    if (!parses(buffered, new String(body, StandardCharsets.UTF_8))) {
      reject(resp, 400, "malformed or unsupported request");
      return;
    }
    super.doPost(buffered, resp);
  }

  private boolean parses(HttpServletRequest req, String body) {
    try {
      SlackRequestParser.HttpRequest request =
          SlackRequestParser.HttpRequest.builder()
              .requestUri(req.getRequestURI())
              .queryString(QueryStringParser.toMap(req.getQueryString()))
              .headers(new RequestHeaders(ServletAdapterOps.toHeaderMap(req)))
              .requestBody(body)
              .remoteAddress(req.getRemoteAddr())
              .build();
      return parser.parse(request) != null;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static void reject(HttpServletResponse resp, int status, String error) throws IOException {
    resp.setStatus(status);
    resp.setContentType("application/json");
    resp.getWriter().write("{\"error\":\"" + error + "\"}");
  }

  /** The request with its body already read, to be read again by Bolt. */
  private static final class BufferedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    BufferedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
    }

    @Override
    public ServletInputStream getInputStream() {
      InputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() throws IOException {
          return in.read();
        }

        @Override
        public boolean isFinished() {
          return false;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("synchronous reads only");
        }
      };
    }
  }
}
