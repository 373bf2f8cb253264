package msftchina.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import msftchina.facts.ReportFile;

/**
 * One {@code ingest} of files and folders: finds the documents, ingests each in turn with a
 * progress on standard error, says in one line why each one that can't be read was not, and returns
 * 1 when any was not.
 */
final class IngestRun {

  private final Console console;
  private final ReportIngest ingest;

  IngestRun(Console console, ReportIngest ingest) {
    this.console = console;
    this.ingest = ingest;
  }

  /** Ingests {@code inputs}, files and folders of them, into {@code facts}. */
  int run(List<Path> inputs, Path facts) {
    List<Path> files = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (Path input : inputs) {
      if (Files.isDirectory(input)) {
        try {
          files.addAll(documentsIn(input, facts));
        } catch (IOException | UncheckedIOException e) {
          failures.add(input + ": the folder can't be read: " + e.getMessage());
        }
      } else {
        files.add(input);
      }
    }
    int written = 0;
    boolean terminal = Progress.stderrIsTerminal(console.env());
    try (Progress progress =
        new Progress(
            console.out(), console.err(), files.size(), "files", terminal, System::nanoTime)) {
      failures.forEach(line -> progress.err("msftchina ingest: " + line));
      for (Path file : files) {
        try {
          ReportIngest.Written w = ingest.ingest(file);
          written++;
          progress.out(
              String.format(
                  Locale.ROOT,
                  "wrote %d facts (%d uncited) of \"%s\" to %s",
                  w.facts(),
                  w.uncited(),
                  w.report().title(),
                  w.factsFile()));
        } catch (ReportIngest.Unreadable e) {
          failures.add(e.getMessage());
          progress.err("msftchina ingest: " + e.getMessage());
        }
        progress.step();
      }
    }
    if (inputs.size() > 1 || inputs.stream().anyMatch(Files::isDirectory) || files.isEmpty()) {
      console
          .out()
          .printf(
              Locale.ROOT,
              "ingested %,d of %,d files into %s%s%n",
              written,
              files.size(),
              facts,
              failures.isEmpty() ? "" : " (" + failures.size() + " not: see above)");
    }
    return failures.isEmpty() && !files.isEmpty() ? 0 : OneLineErrors.FAILURE;
  }

  /**
   * Returns the documents in {@code folder} and its subfolders, sorted, hidden ones left out: of a
   * folder holding a {@code report.txt}, only that file (the rest are its word lists and facts).
   */
  private static List<Path> documentsIn(Path folder, Path facts) throws IOException {
    Path skip = facts.toAbsolutePath().normalize();
    Path root = folder.toAbsolutePath().normalize();
    try (Stream<Path> all = Files.walk(folder)) {
      return all.filter(Files::isRegularFile)
          .filter(f -> !hidden(folder.relativize(f)))
          .filter(f -> inside(f, root, skip))
          .filter(
              f ->
                  f.getFileName().toString().equals(ReportFile.FILE_NAME)
                      || !Files.exists(f.resolveSibling(ReportFile.FILE_NAME)))
          .sorted()
          .toList();
    }
  }

  /**
   * Returns whether {@code file}, found in {@code root}, is to be read: nothing of the facts folder
   * {@code facts} when it lies inside {@code root}, and when {@code root} is the facts folder, not
   * the shared word lists beside its report folders.
   */
  private static boolean inside(Path file, Path root, Path facts) {
    Path f = file.toAbsolutePath().normalize();
    return root.equals(facts) ? !f.getParent().equals(facts) : !f.startsWith(facts);
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
