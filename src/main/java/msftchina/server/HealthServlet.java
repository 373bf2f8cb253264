package msftchina.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code GET /healthz}: 200 with the number of facts, served once the index is open. */
final class HealthServlet extends HttpServlet {

  private final String body;

  HealthServlet(int facts) {
    this.body = "{\"status\":\"ok\",\"facts\":" + facts + "}";
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    resp.setStatus(200);
    resp.setContentType("application/json");
    resp.getWriter().write(body);
  }
}
