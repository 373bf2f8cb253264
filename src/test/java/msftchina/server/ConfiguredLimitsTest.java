package msftchina.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import msftchina.testing.RunningBot;
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
}
