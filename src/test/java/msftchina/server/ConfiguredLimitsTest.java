package msftchina.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import msftchina.testing.EventBodies;
import msftchina.testing.RunningBot;
import msftchina.testing.SlackStandIn;
import org.junit.jupiter.api.Test;

/** A setting given in the environment takes effect in the running bot, not just in the config. */
class ConfiguredLimitsTest {

  @Test
  void aSmallerBodyLimitRefusesWhatTheDefaultTakes() throws Exception {
    byte[] body = new byte[5_000]; // far under the default 1 MiB
    Arrays.fill(body, (byte) 'a');
    try (RunningBot bot =
        RunningBot.start(RunningBot.tempIndex(), Map.of("MSFTCHINA_MAX_BODY_BYTES", "4KiB"))) {
      HttpResponse<String> refused = bot.postBytes(body, "application/x-www-form-urlencoded");
      assertEquals(413, refused.statusCode());
      assertEquals("{\"error\":\"request body over 4 KiB\"}", refused.body());
      assertEquals(200, bot.slashCommand("help").statusCode(), "a small request is served");
    }
    try (RunningBot bot = RunningBot.start(RunningBot.tempIndex())) {
      assertEquals(
          400,
          bot.postBytes(body, "application/x-www-form-urlencoded").statusCode(),
          "with the default limit the same body is read (and refused as not Slack's)");
    }
  }

  @Test
  void aSmallerThreadMemoryForgetsTheOldestThreadFirst() throws Exception {
    // Some 650 bytes a thread remembered: 64 KiB holds about a hundred, so 150 more threads push
    // out the first, whose follow-up is then read on its own; the last one's still is not.
    int threads = 150;
    try (RunningBot bot =
        RunningBot.start(
            RunningBot.tempIndex(), Map.of("MSFTCHINA_THREAD_MEMORY_BYTES", "64KiB"))) {
      for (int i = 0; i <= threads; i++) {
        bot.event(
            "EvMem" + i,
            EventBodies.appMention("CMEM" + i, "1700000300." + i, null, QUESTION),
            Map.of());
      }
      for (int i = 0; i <= threads; i++) {
        postsTo(bot, "CMEM" + i, 1);
      }
      String last = "CMEM" + threads;
      bot.event(
          "EvMemLast",
          EventBodies.appMention(last, "1700000400.1", "1700000300." + threads, FOLLOW_UP),
          Map.of());
      String remembered = postsTo(bot, last, 2).get(1).param("blocks");
      assertTrue(remembered.contains("how much does ByteDance spend?"), remembered);
      bot.event(
          "EvMemFirst",
          EventBodies.appMention("CMEM0", "1700000400.2", "1700000300.0", FOLLOW_UP),
          Map.of());
      String forgotten = postsTo(bot, "CMEM0", 2).get(1).param("blocks");
      assertFalse(forgotten.contains("how much does ByteDance spend?"), forgotten);
    }
  }

  private static final String QUESTION = "who is Microsoft's biggest AI customer in China?";

  private static final String FOLLOW_UP = "how much does it spend?";

  private static List<SlackStandIn.Call> postsTo(RunningBot bot, String channel, int count)
      throws InterruptedException {
    List<SlackStandIn.Call> calls =
        bot.slack.await(
            c -> c.path().equals("/api/chat.postMessage") && channel.equals(c.param("channel")),
            count,
            Duration.ofSeconds(10));
    assertEquals(count, calls.size(), "posts to " + channel);
    return calls;
  }
}
