package msftchina.server;

import com.google.gson.JsonObject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * {@code GET /healthz}: 200 while the process serves, with the number of facts and Slack's state:
 * {@code "status":"ok"}, or {@code "degraded"} with what is wrong (Slack's auth.test failing).
 */
final class HealthServlet extends HttpServlet {

  private final int facts;
  private final transient Supplier<String> slackProblem;

  HealthServlet(int facts, Supplier<String> slackProblem) {
    this.facts = facts;
    this.slackProblem = slackProblem;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String problem = slackProblem.get();
    JsonObject body = new JsonObject();
    body.addProperty("status", problem == null ? "ok" : "degraded");
    body.addProperty("facts", facts);
    body.addProperty("slack", problem == null ? "ok" : problem);
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    resp.setStatus(200);
    resp.setContentType("application/json");
    resp.setContentLength(bytes.length);
    resp.getOutputStream().write(bytes);
  }
}
