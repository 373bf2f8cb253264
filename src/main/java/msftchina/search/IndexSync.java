package msftchina.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import msftchina.facts.FactsDirectory;
import msftchina.facts.ReportFolder;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * Brings the index up to date with the facts folder: re-indexes only the reports whose hash changed
 * since the {@link IndexCatalog} was written, adds new ones and drops removed ones, or indexes
 * every report into an index found unusable. An update that fails is rolled back, leaving the index
 * as it was.
 */
final class IndexSync {

  /**
   * The documents an update keeps in memory before writing a segment, in MiB: half Lucene's
   * default, since a reload runs beside a serving bot in its small heap (bin/msftchina counts it).
   */
  static final double WRITER_BUFFER_MB = 8;

  private final Path path;
  private final Directory directory;
  private final FactsDirectory facts;
  private final StatementDocuments documents;

  /** Each report's last hash, by id (only the reports of the last run: bounded by the library). */
  private final Map<String, Hashed> hashed = new HashMap<>();

  /**
   * The shared files' stamp when {@link #hashed} was made, or null when it can't be trusted (the
   * files were written just before they were read, or {@link #forget()} was called).
   */
  private FactsDirectory.Stamp sharedStamp;

  /** Updates the index in {@code directory}, kept in {@code path} (null when in memory). */
  IndexSync(Path path, Directory directory, FactsDirectory facts, StatementDocuments documents) {
    this.path = path;
    this.directory = directory;
    this.facts = facts;
    this.documents = documents;
  }

  /**
   * Brings the index up to date, logging one line for each report indexed again, and returns the
   * catalog, sorted by report id. {@code problem} is why the index can't be used (it is then
   * written anew from every report), or null when it can. A report whose facts are bad throws,
   * naming the file and line.
   */
  List<ReportInfo> run(String problem, Consumer<String> log) throws IOException {
    IndexCatalog known = problem == null ? IndexCatalog.read(directory) : IndexCatalog.empty();
    List<ReportFolder> folders = facts.reports();
    Map<String, ReportInfo> catalog = new LinkedHashMap<>();
    List<ReportFolder> changed = new ArrayList<>();
    Map<String, String> hashes = new HashMap<>();
    Set<String> stale = new HashSet<>();
    FactsDirectory.Hasher hasher = facts.hasher();
    if (!hasher.sharedStamp().equals(sharedStamp)) {
      hashed.clear();
    }
    // Shared files written just before they were read may have changed unseen: the hashes made
    // with them are forgotten at the next run.
    sharedStamp = hasher.sharedSettled() ? hasher.sharedStamp() : null;
    for (ReportFolder folder : folders) {
      String hash = hash(hasher, folder);
      hashes.put(folder.id(), hash);
      Optional<ReportInfo> entry = known.entry(folder.id(), hash);
      if (entry.isPresent()) {
        catalog.put(folder.id(), entry.get());
      } else {
        changed.add(folder);
        if (known.hash(folder.id()) != null) {
          stale.add(folder.id());
        }
      }
    }
    hashed.keySet().retainAll(hashes.keySet());
    List<String> removed = new ArrayList<>(known.ids());
    removed.removeAll(hashes.keySet());
    if (problem == null && changed.isEmpty() && removed.isEmpty()) {
      return sorted(catalog.values());
    }
    IndexWriter writer;
    try {
      writer = openWriter(problem);
    } catch (LockObtainFailedException e) {
      if (problem != null) {
        throw e;
      }
      log.accept("index: another process is updating " + where() + "; using it as it is");
      return sorted(catalog.values());
    }
    try (writer) {
      try {
        if (problem != null) {
          log.accept(
              "index: "
                  + where()
                  + " is "
                  + problem
                  + "; rebuilding it from "
                  + folders.size()
                  + " reports in "
                  + facts.path());
        }
        for (String id : removed) {
          writer.deleteDocuments(new Term(FactFields.REPORT_ID, id));
          log.accept("index: report " + id + " was removed");
        }
        for (ReportFolder folder : changed) {
          writer.deleteDocuments(new Term(FactFields.REPORT_ID, folder.id()));
          ReportInfo info = documents.add(writer, folder, hashes.get(folder.id()));
          catalog.put(folder.id(), info);
          if (problem == null) {
            log.accept(
                "index: report "
                    + folder.id()
                    + " is "
                    + (stale.contains(folder.id()) ? "older than the facts" : "new")
                    + "; indexed its "
                    + info.statements()
                    + " statements");
          }
        }
        writer.setLiveCommitData(IndexCatalog.commitData(catalog.values(), hashes).entrySet());
        writer.commit();
      } catch (IOException | RuntimeException e) {
        writer.rollback();
        throw e;
      }
    }
    return sorted(catalog.values());
  }

  /**
   * Opens a writer on the index, appending to it, or writing it anew when it has a {@code problem};
   * throws {@link LockObtainFailedException} when another process is writing it.
   */
  private IndexWriter openWriter(String problem) throws IOException {
    IndexWriterConfig config =
        new IndexWriterConfig(documents.analyzer())
            .setRAMBufferSizeMB(WRITER_BUFFER_MB)
            .setOpenMode(
                problem == null
                    ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND
                    : IndexWriterConfig.OpenMode.CREATE);
    if (path != null) {
      Path lock = path.resolve(IndexWriter.WRITE_LOCK_NAME);
      if (Files.isRegularFile(lock) && Files.size(lock) > 0) {
        Files.delete(lock); // a lock file with content is not Lucene's: it is damage
      }
    }
    return new IndexWriter(directory, config);
  }

  /**
   * Returns {@code folder}'s hash, read from its files only when they were written since it was
   * last hashed here: hashing every report's facts at every reload read the whole library's text.
   */
  private String hash(FactsDirectory.Hasher hasher, ReportFolder folder) throws IOException {
    FactsDirectory.Stamp stamp = hasher.stamp(folder); // before reading the files
    Hashed before = hashed.get(folder.id());
    if (before != null && before.stamp().equals(stamp)) {
      return before.hash();
    }
    long hashedAt = FactsDirectory.now();
    String hash = hasher.hash(folder);
    if (stamp.settledBefore(hashedAt)) {
      hashed.put(folder.id(), new Hashed(stamp, hash));
    } else {
      hashed.remove(folder.id()); // written within a clock tick: the same stamp may hide a change
    }
    return hash;
  }

  /** Forgets every report's last hash: the next run reads every file. */
  void forget() {
    hashed.clear();
    sharedStamp = null;
  }

  /** A report's hash and the stamp of its files when it was hashed. */
  private record Hashed(FactsDirectory.Stamp stamp, String hash) {}

  private static List<ReportInfo> sorted(Collection<ReportInfo> reports) {
    List<ReportInfo> sorted = new ArrayList<>(reports);
    sorted.sort(Comparator.comparing(ReportInfo::id));
    return List.copyOf(sorted);
  }

  private String where() {
    return path == null ? "the index in memory" : path.toString();
  }
}
