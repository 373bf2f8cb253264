package msftchina.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * {@code GET /metrics}: every metric in Prometheus's text format (version 0.0.4), for a scraper.
 */
final class MetricsServlet extends HttpServlet {

  /** Prometheus's text exposition format. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final transient Supplier<String> scrape;

  MetricsServlet(Supplier<String> scrape) {
    this.scrape = scrape;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    byte[] bytes = scrape.get().getBytes(StandardCharsets.UTF_8);
    resp.setStatus(200);
    resp.setContentType(CONTENT_TYPE);
    resp.setContentLength(bytes.length);
    resp.getOutputStream().write(bytes);
  }
}
