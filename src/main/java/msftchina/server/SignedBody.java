package msftchina.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Checks a POST to the events path before the servlet sees it: a body over the limit gets 413 and
 * the connection closed (the rest of it is never read); a body without a valid, fresh Slack
 * signature over its raw bytes ({@link RequestSignature}) gets 401 before anything parses it. A
 * signed body goes on to the servlet, which reads the same bytes, as UTF-8, from the request.
 */
final class SignedBody extends HttpFilter {

  private static final long serialVersionUID = 1L;

  private final transient RequestSignature signature;
  private final int maxBodyBytes;

  SignedBody(String signingSecret, int maxBodyBytes) {
    this.signature = new RequestSignature(signingSecret, Clock.systemUTC());
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    if (!"POST".equals(req.getMethod())) {
      chain.doFilter(req, resp);
      return;
    }
    if (req.getContentLengthLong() > maxBodyBytes) {
      tooLarge(resp);
      return;
    }
    byte[] body = req.getInputStream().readNBytes(maxBodyBytes + 1);
    if (body.length > maxBodyBytes) {
      tooLarge(resp);
      return;
    }
    if (!signature.verify(
        req.getHeader("X-Slack-Request-Timestamp"), req.getHeader("X-Slack-Signature"), body)) {
      EventsServlet.reject(resp, 401, "invalid request");
      return;
    }
    chain.doFilter(new Read(req, body), resp);
  }

  /**
   * Refuses an oversized body. The rest of it is never read, so the connection is closed: a client
   * that kept it for its next request would find it dead.
   */
  private void tooLarge(HttpServletResponse resp) throws IOException {
    resp.setHeader("Connection", "close");
    String limit = Settings.size(maxBodyBytes).replaceFirst("(\\d)([KMG]iB)$", "$1 $2");
    EventsServlet.reject(resp, 413, "request body over " + limit);
  }

  /** The request with its body read: the bytes are given again, as UTF-8 text. */
  static final class Read extends HttpServletRequestWrapper {

    private final byte[] body;

    Read(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    /** Returns the body as Slack signed it, decoded as UTF-8. */
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new IllegalStateException("the body was read already");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(
          new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
    }
  }
}
