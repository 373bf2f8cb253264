package msftchina.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import msftchina.slack.SlackMemory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every operational setting: read from its variable, or refused in one line naming it. */
class ServeConfigTest {

  /** What each setting reads as, by its variable's name. */
  private static final Map<String, Function<ServeConfig, Object>> READ =
      Map.ofEntries(
          Map.entry("MSFTCHINA_STOP_TIMEOUT", ServeConfig::stopTimeout),
          Map.entry("MSFTCHINA_MAX_BODY_BYTES", c -> (long) c.http().maxBodyBytes()),
          Map.entry("MSFTCHINA_BODY_BUDGET_BYTES", c -> c.http().bodyBudgetBytes()),
          Map.entry("MSFTCHINA_MAX_HEADER_BYTES", c -> (long) c.http().maxHeaderBytes()),
          Map.entry("MSFTCHINA_IDLE_TIMEOUT", c -> c.http().idleTimeout()),
          Map.entry("MSFTCHINA_HEADER_DEADLINE", c -> c.http().headerDeadline()),
          Map.entry("MSFTCHINA_BODY_DEADLINE", c -> c.http().bodyDeadline()),
          Map.entry("MSFTCHINA_MAX_CONNECTIONS", c -> (long) c.http().maxConnections()),
          Map.entry(
              "MSFTCHINA_MAX_CONNECTIONS_PER_ADDRESS",
              c -> (long) c.http().maxConnectionsPerAddress()),
          Map.entry("MSFTCHINA_ACK_BUDGET", c -> c.socket().ackBudget()),
          Map.entry("MSFTCHINA_ENVELOPE_QUEUE_BYTES", c -> c.socket().queueBytes()),
          Map.entry("MSFTCHINA_SOCKET_WORKERS", c -> (long) c.socket().workers()),
          Map.entry("MSFTCHINA_MAX_FRAME_BYTES", c -> (long) c.socket().maxFrameBytes()),
          Map.entry("MSFTCHINA_SEND_QUEUE_BYTES", c -> c.sending().queueBytes()),
          Map.entry("MSFTCHINA_BUSY_NOTE_BYTES", c -> c.sending().busyBytes()),
          Map.entry("MSFTCHINA_SEND_ATTEMPTS", c -> (long) c.sending().delivery().maxAttempts()),
          Map.entry("MSFTCHINA_SEND_FIRST_PAUSE", c -> c.sending().delivery().firstPause()),
          Map.entry("MSFTCHINA_SEND_LONGEST_PAUSE", c -> c.sending().delivery().longestPause()),
          Map.entry("MSFTCHINA_SEND_WORKERS", c -> (long) c.sending().delivery().workers()),
          Map.entry("MSFTCHINA_SLACK_TIMEOUT", c -> c.sending().slackTimeout()),
          Map.entry("MSFTCHINA_SEEN_EVENTS_BYTES", c -> c.memory().seenEventsBytes()),
          Map.entry("MSFTCHINA_THREAD_MEMORY_BYTES", c -> c.memory().threadBytes()),
          Map.entry("MSFTCHINA_THREAD_MEMORY", c -> c.memory().threadWindow()),
          Map.entry("MSFTCHINA_REPLY_CACHE_BYTES", c -> c.memory().replyCacheBytes()),
          Map.entry("MSFTCHINA_RECORD_QUEUE_BYTES", c -> c.store().recordQueueBytes()),
          Map.entry("MSFTCHINA_RETENTION_DAYS", c -> (long) c.store().retentionDays()));

  private static ServeConfig from(Map<String, String> settings) {
    Map<String, String> env = new HashMap<>(settings);
    env.put("SLACK_SIGNING_SECRET", "secret");
    env.put("SLACK_BOT_TOKEN", "xoxb-1");
    return ServeConfig.from(env);
  }

  @Test
  void unsetIsTodaysValue() {
    ServeConfig config = from(Map.of());
    assertEquals(HttpLimits.DEFAULTS, config.http());
    assertEquals(SocketModeLimits.DEFAULTS, config.socket());
    assertEquals(SendLimits.DEFAULTS, config.sending());
    assertEquals(Duration.ofSeconds(10), config.stopTimeout());
    assertEquals(1 << 20, config.http().maxBodyBytes());
    assertEquals(Duration.ofMillis(200), config.socket().ackBudget());
    assertEquals(8L << 20, config.sending().queueBytes());
    assertEquals(90, config.store().retentionDays());
    assertEquals(SlackMemory.DEFAULTS, config.memory());
    assertEquals(1L << 20, config.memory().seenEventsBytes());
    assertEquals(4L << 20, config.memory().threadBytes());
    assertEquals(Duration.ofHours(24), config.memory().threadWindow());
    assertEquals(2L << 20, config.memory().replyCacheBytes());
    assertEquals(2L << 20, config.store().recordQueueBytes());
  }

  @Test
  void everySettingIsInTheReadmesTable() throws Exception {
    String readme =
        java.nio.file.Files.readString(
            java.nio.file.Path.of("README.md"), java.nio.charset.StandardCharsets.UTF_8);
    for (String name : READ.keySet()) {
      assertTrue(readme.contains("| `" + name + "` |"), name + " is not in README's table");
    }
  }

  @Test
  void blankIsUnset() {
    assertEquals(HttpLimits.DEFAULTS, from(Map.of("MSFTCHINA_MAX_BODY_BYTES", "  ")).http());
  }

  @ParameterizedTest(name = "{0}={1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "MSFTCHINA_SEND_QUEUE_BYTES     | 16MiB   | 16777216",
        "MSFTCHINA_SEND_QUEUE_BYTES     | 512KiB  | 524288",
        "MSFTCHINA_SEND_QUEUE_BYTES     | 65536   | 65536",
        "MSFTCHINA_SEND_QUEUE_BYTES     | 1gib    | 1073741824",
        "MSFTCHINA_MAX_BODY_BYTES       | 4 KiB   | 4096",
        "MSFTCHINA_MAX_BODY_BYTES       | 2048B   | 2048",
        "MSFTCHINA_BODY_BUDGET_BYTES    | 64MiB   | 67108864",
        "MSFTCHINA_MAX_HEADER_BYTES     | 16KiB   | 16384",
        "MSFTCHINA_ENVELOPE_QUEUE_BYTES | 8MiB    | 8388608",
        "MSFTCHINA_MAX_FRAME_BYTES      | 256KiB  | 262144",
        "MSFTCHINA_BUSY_NOTE_BYTES      | 1MiB    | 1048576",
        "MSFTCHINA_MAX_CONNECTIONS      | 500     | 500",
        "MSFTCHINA_MAX_CONNECTIONS_PER_ADDRESS | 8 | 8",
        "MSFTCHINA_SOCKET_WORKERS       | 4       | 4",
        "MSFTCHINA_SEND_ATTEMPTS        | 1       | 1",
        "MSFTCHINA_SEND_WORKERS         | 2       | 2",
        "MSFTCHINA_RETENTION_DAYS       | 30      | 30",
        "MSFTCHINA_SEEN_EVENTS_BYTES    | 2MiB    | 2097152",
        "MSFTCHINA_THREAD_MEMORY_BYTES  | 16MiB   | 16777216",
        "MSFTCHINA_REPLY_CACHE_BYTES    | 512KiB  | 524288",
        "MSFTCHINA_REPLY_CACHE_BYTES    | 64KiB   | 65536",
        "MSFTCHINA_RECORD_QUEUE_BYTES   | 8MiB    | 8388608",
      })
  void aGoodNumberIsRead(String name, String value, long expected) {
    assertEquals(expected, READ.get(name).apply(from(Map.of(name, value))));
  }

  @ParameterizedTest(name = "{0}={1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "MSFTCHINA_STOP_TIMEOUT       | 30s   | PT30S",
        "MSFTCHINA_STOP_TIMEOUT       | 2min  | PT2M",
        "MSFTCHINA_ACK_BUDGET         | 500ms | PT0.5S",
        "MSFTCHINA_ACK_BUDGET         | 2s    | PT2S",
        "MSFTCHINA_IDLE_TIMEOUT       | 1h    | PT1H",
        "MSFTCHINA_HEADER_DEADLINE    | 5s    | PT5S",
        "MSFTCHINA_BODY_DEADLINE      | 3s    | PT3S",
        "MSFTCHINA_SEND_FIRST_PAUSE   | 100ms | PT0.1S",
        "MSFTCHINA_SEND_LONGEST_PAUSE | 5m    | PT5M",
        "MSFTCHINA_SLACK_TIMEOUT      | 20S   | PT20S",
        "MSFTCHINA_THREAD_MEMORY      | 2h    | PT2H",
        "MSFTCHINA_THREAD_MEMORY      | 30min | PT30M",
      })
  void aGoodDurationIsRead(String name, String value, Duration expected) {
    assertEquals(expected, READ.get(name).apply(from(Map.of(name, value))));
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "MSFTCHINA_SEND_QUEUE_BYTES  | abc   | MSFTCHINA_SEND_QUEUE_BYTES=abc: not a size; use e.g. 8MiB",
        "MSFTCHINA_SEND_QUEUE_BYTES  | 8MB   | MSFTCHINA_SEND_QUEUE_BYTES=8MB: not a size; use e.g. 8MiB",
        "MSFTCHINA_SEND_QUEUE_BYTES  | 1KiB  | MSFTCHINA_SEND_QUEUE_BYTES=1KiB: must be from 64KiB to 1024GiB",
        "MSFTCHINA_MAX_BODY_BYTES    | -1    | MSFTCHINA_MAX_BODY_BYTES=-1: not a size; use e.g. 1MiB",
        "MSFTCHINA_MAX_BODY_BYTES    | 100   | MSFTCHINA_MAX_BODY_BYTES=100: must be from 1KiB to 1GiB",
        "MSFTCHINA_MAX_BODY_BYTES    | 99999999999 | MSFTCHINA_MAX_BODY_BYTES=99999999999: not a size; use e.g. 1MiB",
        "MSFTCHINA_BODY_BUDGET_BYTES | 512KiB | MSFTCHINA_BODY_BUDGET_BYTES=512KiB: must be more than"
            + " MSFTCHINA_MAX_BODY_BYTES (1MiB)",
        "MSFTCHINA_ENVELOPE_QUEUE_BYTES | 1MiB | MSFTCHINA_ENVELOPE_QUEUE_BYTES=1MiB: must be at"
            + " least twice MSFTCHINA_MAX_FRAME_BYTES plus 256 (2097408 bytes), so that the largest"
            + " envelope fits",
        "MSFTCHINA_ACK_BUDGET        | 5s    | MSFTCHINA_ACK_BUDGET=5s: must be from 1ms to 2500ms",
        "MSFTCHINA_ACK_BUDGET        | fast  | MSFTCHINA_ACK_BUDGET=fast: not a duration; use e.g. 200ms",
        "MSFTCHINA_STOP_TIMEOUT      | 10    | MSFTCHINA_STOP_TIMEOUT=10: not a duration; use e.g. 10s",
        "MSFTCHINA_STOP_TIMEOUT      | 0s    | MSFTCHINA_STOP_TIMEOUT=0s: must be from 1s to 10min",
        "MSFTCHINA_IDLE_TIMEOUT      | 1.5s  | MSFTCHINA_IDLE_TIMEOUT=1.5s: not a duration; use e.g. 10s",
        "MSFTCHINA_SOCKET_WORKERS    | 0     | MSFTCHINA_SOCKET_WORKERS=0: must be from 1 to 64",
        "MSFTCHINA_SOCKET_WORKERS    | two   | MSFTCHINA_SOCKET_WORKERS=two: not a whole number; use e.g. 2",
        "MSFTCHINA_SEND_ATTEMPTS     | 0     | MSFTCHINA_SEND_ATTEMPTS=0: must be from 1 to 100",
        "MSFTCHINA_SEND_WORKERS      | 65    | MSFTCHINA_SEND_WORKERS=65: must be from 1 to 64",
        "MSFTCHINA_MAX_CONNECTIONS   | 1e3   | MSFTCHINA_MAX_CONNECTIONS=1e3: not a whole number; use e.g. 2000",
        "MSFTCHINA_SEEN_EVENTS_BYTES | 1MB   | MSFTCHINA_SEEN_EVENTS_BYTES=1MB: not a size; use e.g. 1MiB",
        "MSFTCHINA_SEEN_EVENTS_BYTES | 4KiB  | MSFTCHINA_SEEN_EVENTS_BYTES=4KiB: must be from 64KiB to 1GiB",
        "MSFTCHINA_THREAD_MEMORY_BYTES | 2GiB | MSFTCHINA_THREAD_MEMORY_BYTES=2GiB: must be from 64KiB to 1GiB",
        "MSFTCHINA_THREAD_MEMORY     | 24    | MSFTCHINA_THREAD_MEMORY=24: not a duration; use e.g. 24h",
        "MSFTCHINA_THREAD_MEMORY     | 30s   | MSFTCHINA_THREAD_MEMORY=30s: must be from 1min to 168h",
        "MSFTCHINA_REPLY_CACHE_BYTES | none  | MSFTCHINA_REPLY_CACHE_BYTES=none: not a size; use e.g. 2MiB",
        "MSFTCHINA_RECORD_QUEUE_BYTES | 1KiB | MSFTCHINA_RECORD_QUEUE_BYTES=1KiB: must be from 64KiB to 1GiB",
        "MSFTCHINA_RETENTION_DAYS    | 0     | MSFTCHINA_RETENTION_DAYS must be a whole number of days,"
            + " 1 or more, got '0'",
      })
  void aBadValueIsOneLineNamingTheVariable(String name, String value, String error) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> from(Map.of(name, value)));
    assertEquals(error, e.getMessage());
    assertFalse(e.getMessage().contains("\n"), "one line");
  }

  @Test
  void settingsThatMustFitTogetherAreCheckedTogether() {
    ServeConfig config =
        from(Map.of("MSFTCHINA_MAX_BODY_BYTES", "4KiB", "MSFTCHINA_BODY_BUDGET_BYTES", "8KiB"));
    assertEquals(8192, config.http().bodyBudgetBytes());
    ServeConfig socket =
        from(
            Map.of(
                "MSFTCHINA_MAX_FRAME_BYTES", "64KiB", "MSFTCHINA_ENVELOPE_QUEUE_BYTES", "256KiB"));
    assertEquals(256L << 10, socket.socket().queueBytes());
  }
}
