package msftchina;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersionDetector;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import msftchina.server.SlackServer;
import msftchina.slack.BotApp;
import msftchina.slack.Replies;
import msftchina.slack.SignedRequest;
import msftchina.testing.RunningBot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code manifest.yml} (HTTP) and {@code manifest.socket.yml} (Socket Mode) are valid Slack app
 * manifests, and they declare what the bot answers: its one slash command, its message shortcut,
 * the bot events it handles, the scopes those need, the Home tab and interactivity for the buttons;
 * over HTTP all sent to the events path, over Socket Mode with no URL and no placeholder at all.
 * The running bot is asked both ways: what the manifest declares is answered, a command it doesn't
 * declare is not.
 */
class ManifestTest {

  private static final Path MANIFEST = Path.of("manifest.yml");
  private static final Path SOCKET_MANIFEST = Path.of("manifest.socket.yml");
  private static final String SCHEMA = "/slack/manifest.schema.1.0.0.json";

  /** A sample event, as Slack sends it, for each bot event the manifest may declare. */
  private static final Map<String, String> SAMPLE_EVENTS =
      Map.of(
          "app_mention",
              "{\"type\":\"app_mention\",\"user\":\"U123\",\"text\":\"<@UBOT0001> hi\",\"ts\":\"1.0001\",\"channel\":\"C1\",\"event_ts\":\"1.0001\"}",
          "message.im",
              "{\"type\":\"message\",\"channel_type\":\"im\",\"user\":\"U123\",\"text\":\"hi\",\"ts\":\"1.0002\",\"channel\":\"D1\",\"event_ts\":\"1.0002\"}",
          "app_home_opened",
              "{\"type\":\"app_home_opened\",\"user\":\"U123\",\"channel\":\"D1\",\"tab\":\"home\",\"event_ts\":\"1.0005\"}");

  private static Map<String, Object> manifest;
  private static Path index;
  private static RunningBot bot;

  static Stream<Path> manifests() {
    return Stream.of(MANIFEST, SOCKET_MANIFEST);
  }

  @BeforeAll
  static void start() throws Exception {
    manifest = readManifest(MANIFEST);
    index = RunningBot.tempIndex();
    bot = RunningBot.start(index);
  }

  @AfterAll
  static void stop() throws Exception {
    if (bot != null) {
      bot.close();
    }
    if (index != null) {
      try (Stream<Path> files = Files.walk(index)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  // --- The manifest itself ---

  @ParameterizedTest(name = "{0}")
  @MethodSource("manifests")
  void manifestIsValidAgainstSlacksManifestSchema(Path file) throws IOException {
    Map<String, Object> manifest = readManifest(file);
    Set<ValidationMessage> problems = schema().validate(new ObjectMapper().valueToTree(manifest));
    assertTrue(problems.isEmpty(), () -> file + " breaks the schema: " + problems);
    // The schema spells this check "regex", which no JSON Schema validator knows; check it here.
    String colour = (String) at(manifest, "display_information", "background_color");
    assertTrue(
        colour == null || colour.matches("^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$"),
        () -> "background_color is not #rgb or #rrggbb: " + colour);
  }

  @Test
  void schemaCheckRejectsAManifestSlackWouldRefuse() throws IOException {
    Map<String, Object> broken = new LinkedHashMap<>(manifest);
    broken.remove("display_information");
    broken.put(
        "features",
        Map.of(
            "slash_commands",
            List.of(Map.of("command", "msftchina", "description", "no leading slash"))));
    Set<ValidationMessage> problems = schema().validate(new ObjectMapper().valueToTree(broken));
    assertTrue(
        problems.size() >= 2,
        () ->
            "expected the missing display_information and the bad command to be caught, got "
                + problems);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("manifests")
  void declaresTheBotsCommandAsItsOnlySlashCommand(Path file) throws IOException {
    List<Object> commands = list(at(readManifest(file), "features", "slash_commands"));
    assertEquals(List.of(BotApp.COMMAND), commands.stream().map(c -> at(c, "command")).toList());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("manifests")
  void declaresExactlyTheMessageShortcutsTheBotHandles(Path file) throws IOException {
    List<Object> shortcuts = list(at(readManifest(file), "features", "shortcuts"));
    assertEquals(
        List.of("message"), shortcuts.stream().map(c -> at(c, "type")).distinct().toList());
    assertSameItems(
        BotApp.MESSAGE_SHORTCUTS,
        shortcuts.stream().map(c -> at(c, "callback_id")).toList(),
        "message shortcuts");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("manifests")
  void subscribesToExactlyTheBotEventsTheBotHandles(Path file) throws IOException {
    assertSameItems(
        BotApp.EVENTS,
        list(at(readManifest(file), "settings", "event_subscriptions", "bot_events")),
        "bot_events");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("manifests")
  void enablesTheHomeTabTheBotPublishes(Path file) throws IOException {
    assertTrue(BotApp.EVENTS.contains("app_home_opened"));
    assertEquals(true, at(readManifest(file), "features", "app_home", "home_tab_enabled"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("manifests")
  void asksForExactlyTheBotScopesTheBotNeeds(Path file) throws IOException {
    assertSameItems(
        BotApp.SCOPES, list(at(readManifest(file), "oauth_config", "scopes", "bot")), "bot scopes");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("manifests")
  void enablesInteractivityForTheButtonsAndTheShortcut(Path file) throws IOException {
    assertEquals(true, at(readManifest(file), "settings", "interactivity", "is_enabled"));
  }

  @Test
  void socketModeManifestIsImportableAsItIs() throws IOException {
    Map<String, Object> socket = readManifest(SOCKET_MANIFEST);
    assertEquals(true, at(socket, "settings", "socket_mode_enabled"));
    assertEquals(false, at(manifest, "settings", "socket_mode_enabled"));
    List<String> urls = new ArrayList<>();
    collectUrls(socket, urls);
    assertEquals(List.of(), urls, "Socket Mode needs no request URL");
    String text = Files.readString(SOCKET_MANIFEST, StandardCharsets.UTF_8);
    assertTrue(!text.contains("YOUR-") && !text.contains("example.com"), "no placeholder to fill");
  }

  @Test
  void bothManifestsDeclareTheSameAppApartFromHowSlackReachesIt() throws IOException {
    Map<String, Object> http = readManifest(MANIFEST);
    Map<String, Object> socket = readManifest(SOCKET_MANIFEST);
    for (String[] key :
        List.of(
            new String[] {"display_information"},
            new String[] {"features", "app_home"},
            new String[] {"features", "bot_user"},
            new String[] {"features", "shortcuts"},
            new String[] {"oauth_config"},
            new String[] {"settings", "event_subscriptions", "bot_events"})) {
      assertEquals(at(http, key), at(socket, key), String.join(".", key));
    }
  }

  @Test
  void sendsEveryRequestToTheEventsPath() {
    List<String> urls = new ArrayList<>();
    collectUrls(manifest, urls);
    // The command's url, the event subscriptions' and interactivity's request_url at least.
    assertTrue(urls.size() >= 3, () -> "expected at least 3 URLs, found " + urls);
    for (String url : urls) {
      assertTrue(
          url.startsWith("https://") && url.endsWith(SlackServer.EVENTS_PATH),
          () -> url + " is not https://…" + SlackServer.EVENTS_PATH);
    }
  }

  // --- The running bot answers what the manifest declares, and only that ---

  @Test
  void declaredSlashCommandIsAnswered() throws Exception {
    assertEquals(
        List.of(BotApp.COMMAND),
        list(at(manifest, "features", "slash_commands")).stream()
            .map(c -> at(c, "command"))
            .toList());
    HttpResponse<String> response = bot.slashCommand("help");
    assertEquals(200, response.statusCode(), response::body);
  }

  @Test
  void slashCommandTheManifestDoesNotDeclareIsNotFound() throws Exception {
    String body =
        "token=unused&team_id=T0LOCAL&team_domain=local&channel_id=C0LOCAL&channel_name=general"
            + "&user_id=U0LOCAL&user_name=you&command=%2Fother&text=help"
            + "&api_app_id=A0LOCAL&is_enterprise_install=false"
            + "&response_url="
            + URLEncoder.encode(bot.slack.responseUrl("other"), StandardCharsets.UTF_8)
            + "&trigger_id=0.0.local";
    SignedRequest signed =
        SignedRequest.sign(RunningBot.SIGNING_SECRET, body, Instant.now().getEpochSecond());
    HttpResponse<String> response =
        bot.post(
            body,
            "application/x-www-form-urlencoded",
            signed.timestamp(),
            signed.signature(),
            Map.of());
    assertEquals(404, response.statusCode(), response::body);
  }

  static Stream<String> declaredBotEvents() throws IOException {
    return list(at(readManifest(MANIFEST), "settings", "event_subscriptions", "bot_events"))
        .stream()
        .map(String.class::cast);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("declaredBotEvents")
  void everyDeclaredBotEventIsAcknowledged(String declared) throws Exception {
    String event = SAMPLE_EVENTS.get(declared);
    assertNotNull(
        event,
        "no sample event for the declared bot event " + declared + ": add one to SAMPLE_EVENTS");
    HttpResponse<String> response =
        bot.event("EvManifest" + declared.replaceAll("[^A-Za-z0-9]", ""), event, Map.of());
    assertEquals(200, response.statusCode(), response::body);
  }

  @Test
  void shareButtonIsAcknowledgedThroughInteractivity() throws Exception {
    assertEquals(true, at(manifest, "settings", "interactivity", "is_enabled"));
    String payload =
        "{\"type\":\"block_actions\",\"token\":\"unused\",\"api_app_id\":\"A0LOCAL\","
            + "\"team\":{\"id\":\"T0LOCAL\",\"domain\":\"local\"},"
            + "\"user\":{\"id\":\"U123\",\"username\":\"you\",\"name\":\"you\",\"team_id\":\"T0LOCAL\"},"
            + "\"container\":{\"type\":\"message\",\"message_ts\":\"1.0003\",\"channel_id\":\"C1\",\"is_ephemeral\":true},"
            + "\"channel\":{\"id\":\"C1\",\"name\":\"general\"},"
            + "\"trigger_id\":\"0.0.local\","
            + "\"response_url\":\""
            + bot.slack.responseUrl("share")
            + "\","
            + "\"actions\":[{\"type\":\"button\",\"action_id\":\""
            + Replies.SHARE_ACTION
            + "\",\"block_id\":\"b1\","
            + "\"text\":{\"type\":\"plain_text\",\"text\":\"Share in channel\"},\"value\":\"hi\",\"action_ts\":\"1.0004\"}]}";
    HttpResponse<String> response = bot.interaction(payload);
    assertEquals(200, response.statusCode(), response::body);
  }

  @Test
  void declaredMessageShortcutIsAcknowledgedThroughInteractivity() throws Exception {
    Object callbackId = at(list(at(manifest, "features", "shortcuts")).get(0), "callback_id");
    String payload =
        "{\"type\":\"message_action\",\"token\":\"unused\",\"action_ts\":\"1.0006\","
            + "\"team\":{\"id\":\"T0LOCAL\",\"domain\":\"local\"},"
            + "\"user\":{\"id\":\"U123\",\"name\":\"you\"},"
            + "\"channel\":{\"id\":\"C1\",\"name\":\"general\"},"
            + "\"callback_id\":\""
            + callbackId
            + "\",\"trigger_id\":\"0.0.local\",\"message_ts\":\"1.0001\","
            + "\"message\":{\"type\":\"message\",\"user\":\"U9\",\"text\":\"hi\",\"ts\":\"1.0001\"},"
            + "\"response_url\":\""
            + bot.slack.responseUrl("manifest-shortcut")
            + "\"}";
    HttpResponse<String> response = bot.interaction(payload);
    assertEquals(200, response.statusCode(), response::body);
  }

  // --- Helpers ---

  private static Map<String, Object> readManifest(Path file) throws IOException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
      assertTrue(loaded instanceof Map, file + " is not a YAML mapping");
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) loaded;
      return map;
    }
  }

  /** Slack's manifest schema, checked with the JSON Schema draft its "$schema" names. */
  private static JsonSchema schema() throws IOException {
    try (InputStream in = ManifestTest.class.getResourceAsStream(SCHEMA)) {
      assertNotNull(in, "missing test resource " + SCHEMA);
      JsonNode node = new ObjectMapper().readTree(in);
      return JsonSchemaFactory.getInstance(SpecVersionDetector.detect(node)).getSchema(node);
    }
  }

  /** Returns the value at {@code keys} in nested mappings, or null. */
  private static Object at(Object node, String... keys) {
    Object current = node;
    for (String key : keys) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = map.get(key);
    }
    return current;
  }

  private static List<Object> list(Object node) {
    assertTrue(node instanceof List, () -> "expected a list, found " + node);
    return new ArrayList<>((List<?>) node);
  }

  private static void assertSameItems(List<String> expected, List<Object> actual, String what) {
    assertEquals(
        actual.size(), new HashSet<>(actual).size(), () -> what + " repeat an item: " + actual);
    assertEquals(new HashSet<Object>(expected), new HashSet<>(actual), what);
  }

  /** Collects every string under a key ending in "url", anywhere in the manifest. */
  private static void collectUrls(Object node, List<String> urls) {
    if (node instanceof Map<?, ?> map) {
      map.forEach(
          (k, v) -> {
            if (String.valueOf(k).endsWith("url") && v instanceof String s) {
              urls.add(s);
            } else {
              collectUrls(v, urls);
            }
          });
    } else if (node instanceof List<?> items) {
      items.forEach(item -> collectUrls(item, urls));
    }
  }
}
