package msftchina.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /readyz}, for a load balancer: 200 while the bot takes requests, 503 once it is
 * stopping. Slack being unwell doesn't make the bot unready: slash commands need no Slack call.
 */
final class ReadyServlet extends HttpServlet {

  private final transient BooleanSupplier ready;

  ReadyServlet(BooleanSupplier ready) {
    this.ready = ready;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    boolean now = ready.getAsBoolean();
    resp.setStatus(now ? 200 : 503);
    resp.setContentType("application/json");
    resp.getOutputStream()
        .write((now ? "{\"ready\":true}" : "{\"ready\":false}").getBytes(StandardCharsets.UTF_8));
  }
}
