package msftchina.app;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import msftchina.search.Answer;
import msftchina.search.ReportInfo;

/**
 * The reports of the library by id, with their versions and the library's own version (a hash of
 * every report's id and version), so that a recorded question names what it was answered from.
 *
 * @param catalog the reports, as the knowledge base lists them
 * @param byId the reports by id
 * @param library the library's version: 12 hex characters, another when any report changes
 */
record ReportVersions(List<ReportInfo> catalog, Map<String, ReportInfo> byId, String library) {

  /** Returns the versions of {@code catalog}. */
  static ReportVersions of(List<ReportInfo> catalog) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (ReportInfo r : catalog) {
        digest.update((r.id() + "\0" + r.version() + "\0").getBytes(StandardCharsets.UTF_8));
      }
      String library = HexFormat.of().formatHex(digest.digest()).substring(0, 12);
      return new ReportVersions(
          catalog,
          catalog.stream()
              .collect(Collectors.toUnmodifiableMap(ReportInfo::id, Function.identity())),
          library);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** Returns the report named {@code name} (its id, in any case), or null. */
  ReportInfo find(String name) {
    ReportInfo exact = byId.get(name);
    if (exact != null) {
      return exact;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    return catalog.stream()
        .filter(r -> r.id().toLowerCase(Locale.ROOT).equals(lower))
        .findFirst()
        .orElse(null);
  }

  /** Returns the id of the report whose statement leads {@code answer}, or null when refused. */
  static String reportOf(Answer answer) {
    if (!answer.answered()) {
      return null;
    }
    String id = answer.matches().get(0).fact().id();
    int colon = id.lastIndexOf(':');
    return colon < 0 ? null : id.substring(0, colon);
  }
}
