package msftchina.testing;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A library of two small reports for tests: the fixture report (Lumenbay, {@code in:lumenbay}) and
 * the second fixture report (Quarrystone, {@code in:quarrystone}), copied into a folder the test
 * may change.
 */
public final class TwoReports {

  /** The fixture report's id and title. */
  public static final String LUMENBAY = "lumenbay";

  public static final String LUMENBAY_TITLE = "Lumenbay's warehouse robot business";

  /** The second report's id and title. */
  public static final String QUARRYSTONE = "quarrystone";

  public static final String QUARRYSTONE_TITLE = "Quarrystone's ceramic tile business";

  /** A question only the second report answers: its statement quarrystone:1.2. */
  public static final String CLAY = "who supplies Quarrystone's clay?";

  /** A question only the fixture report answers: its statement lumenbay:1.2. */
  public static final String CUSTOMER = "who is Lumenbay's biggest customer?";

  private TwoReports() {}

  /** Copies the two reports, with the fixture's shared word lists, to {@code to}; returns it. */
  public static Path copy(Path to) throws IOException {
    FactsCopy.of(resource("/fixture-report"), to);
    FactsCopy.of(resource("/second-report/" + QUARRYSTONE), to.resolve(QUARRYSTONE));
    return to;
  }

  /**
   * Replaces the second report in {@code facts} with a new edition: its clay now comes from two
   * pits, so its version changes.
   */
  public static void replaceQuarrystone(Path facts) throws IOException {
    for (String file : new String[] {"report.txt", "facts.jsonl"}) {
      Path path = facts.resolve(QUARRYSTONE).resolve(file);
      String text = Files.readString(path, StandardCharsets.UTF_8);
      Files.writeString(
          path, text.replace("from a single pit", "from two pits"), StandardCharsets.UTF_8);
    }
  }

  private static Path resource(String name) {
    try {
      return Path.of(TwoReports.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
