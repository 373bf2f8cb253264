package msftchina.server;

import com.google.gson.JsonObject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * {@code GET /healthz}: 200 while the process serves, with the number of facts, Slack's state and
 * the store's: {@code "status":"ok"}, or {@code "degraded"} with what is wrong (Slack's auth.test
 * failing; the database file deleted or truncated, or writes to the database failing). Degraded,
 * not down: questions are still answered. A worker that died (an outbox worker, the store's
 * recorder) makes it 503 {@code "status":"down"}, naming it under {@code "workers"}: replies are no
 * longer sent or recorded as they should be, and only a restart brings the worker back.
 */
final class HealthServlet extends HttpServlet {

  private final int facts;
  private final transient Supplier<String> slackProblem;
  private final transient Supplier<String> storeProblem;
  private final transient Supplier<String> deadWorkers;

  HealthServlet(
      int facts,
      Supplier<String> slackProblem,
      Supplier<String> storeProblem,
      Supplier<String> deadWorkers) {
    this.facts = facts;
    this.slackProblem = slackProblem;
    this.storeProblem = storeProblem;
    this.deadWorkers = deadWorkers;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String slack = slackProblem.get();
    String store = storeProblem.get();
    String dead = deadWorkers.get();
    JsonObject body = new JsonObject();
    body.addProperty(
        "status", dead != null ? "down" : slack == null && store == null ? "ok" : "degraded");
    body.addProperty("facts", facts);
    body.addProperty("slack", slack == null ? "ok" : slack);
    body.addProperty("store", store == null ? "ok" : store);
    body.addProperty("workers", dead == null ? "ok" : dead);
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    resp.setStatus(dead == null ? 200 : 503);
    resp.setContentType("application/json");
    resp.setContentLength(bytes.length);
    resp.getOutputStream().write(bytes);
  }
}
