package msftchina;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code bench/try.sh}, the README's way to try the bot with no Slack account, run as a newcomer
 * runs it from the project folder (after {@code mvn package}, so the jar is there).
 */
class TryScriptIT {

  private static final Path PROJECT = Path.of("").toAbsolutePath();
  private static final Path REAL_STORE = PROJECT.resolve("data/msftchina.db");

  @Test
  void aTrialAnswersAndLeavesTheRealStoreAsItWas() throws Exception {
    boolean existed = Files.exists(REAL_STORE);
    FileTime modified = existed ? Files.getLastModifiedTime(REAL_STORE) : null;
    long size = existed ? Files.size(REAL_STORE) : -1;

    Process trial =
        new ProcessBuilder("bash", "bench/try.sh", "Who is Microsoft's biggest AI customer?")
            .directory(PROJECT.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(trial.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(trial.waitFor(60, TimeUnit.SECONDS), output);

    assertEquals(0, trial.exitValue(), output);
    assertTrue(output.contains("ByteDance leads as"), output);
    assertTrue(output.contains("[1, 2, 3, 4]"), output);
    assertEquals(existed, Files.exists(REAL_STORE), "the trial created " + REAL_STORE);
    if (existed) {
      assertEquals(modified, Files.getLastModifiedTime(REAL_STORE), "the trial wrote the store");
      assertEquals(size, Files.size(REAL_STORE), "the trial wrote the store");
    }
  }
}
