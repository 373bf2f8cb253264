package msftchina.search;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;

/**
 * The library's catalog as the index keeps it in its commit data: the index's format and, for each
 * report, the hash it was indexed from and its entry (statements, title and date), so that an
 * update tells which reports changed without reading a document.
 */
final class IndexCatalog {

  private static final String FORMAT_KEY = "format";
  private static final String REPORT_KEY = "report:";
  private static final String HASH_KEY = "hash:";

  /** How many hex digits of a report's hash name its version. */
  private static final int VERSION_DIGITS = 12;

  private final Map<String, String> data;

  private IndexCatalog(Map<String, String> data) {
    this.data = data;
  }

  /** Returns the catalog of an index that has none: one missing, of another format or corrupt. */
  static IndexCatalog empty() {
    return new IndexCatalog(Map.of());
  }

  /** Reads the catalog from the last commit in {@code directory}. */
  static IndexCatalog read(Directory directory) throws IOException {
    return new IndexCatalog(new HashMap<>(SegmentInfos.readLatestCommit(directory).getUserData()));
  }

  /**
   * Returns whether the last commit in {@code directory} is of the format {@link FactFields}
   * writes.
   */
  static boolean currentFormat(Directory directory) throws IOException {
    Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
    return FactFields.FORMAT.equals(data.get(FORMAT_KEY));
  }

  /** Returns the version that names a report indexed from {@code hash}. */
  static String version(String hash) {
    return hash.substring(0, VERSION_DIGITS);
  }

  /** Returns the hash report {@code id} was indexed from, or null when it is not in the catalog. */
  String hash(String id) {
    return data.get(HASH_KEY + id);
  }

  /** Returns report {@code id}'s entry when it was indexed from {@code hash}; empty otherwise. */
  Optional<ReportInfo> entry(String id, String hash) {
    String entry = data.get(REPORT_KEY + id);
    if (entry == null || !hash.equals(hash(id))) {
      return Optional.empty();
    }
    String[] parts = entry.split("\t", 3);
    return Optional.of(
        new ReportInfo(id, parts[1], parts[2], Integer.parseInt(parts[0]), version(hash)));
  }

  /** Returns the ids of the reports in the catalog, in no particular order. */
  List<String> ids() {
    return data.keySet().stream()
        .filter(k -> k.startsWith(REPORT_KEY))
        .map(k -> k.substring(REPORT_KEY.length()))
        .toList();
  }

  /**
   * Returns the commit data that records {@code reports}, each indexed from its hash in {@code
   * hashes}, in today's format.
   */
  static Map<String, String> commitData(
      Collection<ReportInfo> reports, Map<String, String> hashes) {
    Map<String, String> commit = new HashMap<>();
    commit.put(FORMAT_KEY, FactFields.FORMAT);
    for (ReportInfo r : reports) {
      commit.put(REPORT_KEY + r.id(), entry(r));
      commit.put(HASH_KEY + r.id(), hashes.get(r.id()));
    }
    return commit;
  }

  /** Returns the commit data's entry for {@code r}: statements, title and date. */
  private static String entry(ReportInfo r) {
    return r.statements() + "\t" + oneLine(r.title()) + "\t" + oneLine(r.date());
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s+", " ");
  }
}
