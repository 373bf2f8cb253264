package msftchina.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Calls for a reload when files under {@code facts/} change, once they have been quiet for {@link
 * #SETTLE} (an ingest writes a report's files one after another), and when the process gets SIGHUP.
 * It runs on one daemon thread of its own.
 */
final class LibraryWatcher implements Closeable {

  /** How long the facts must be quiet after a change before the reload. */
  static final Duration SETTLE = Duration.ofMillis(500);

  /** How often the thread looks for a SIGHUP while no file changes. */
  private static final long TICK_MS = 200;

  private final Path factsDir;
  private final WatchService service;
  private final KnowledgeBase kb;
  private final Consumer<String> log;
  private final AtomicBoolean hangup = new AtomicBoolean();
  private volatile boolean open = true;

  private LibraryWatcher(
      Path factsDir, WatchService service, KnowledgeBase kb, Consumer<String> log) {
    this.factsDir = factsDir;
    this.service = service;
    this.kb = kb;
    this.log = log;
  }

  /**
   * Starts watching {@code factsDir} and SIGHUP, calling {@code kb}'s {@link
   * KnowledgeBase#reload()} on a change and its {@link KnowledgeBase#reloadAll()} (which reads
   * every file again) on SIGHUP.
   */
  static LibraryWatcher start(Path factsDir, KnowledgeBase kb, Consumer<String> log)
      throws IOException {
    LibraryWatcher watcher =
        new LibraryWatcher(factsDir, factsDir.getFileSystem().newWatchService(), kb, log);
    watcher.register(factsDir);
    try (Stream<Path> folders = Files.list(factsDir)) {
      for (Path folder : folders.filter(Files::isDirectory).toList()) {
        watcher.register(folder);
      }
    }
    String noHangup = Hangup.onHangup(() -> watcher.hangup.set(true));
    if (noHangup != null) {
      log.accept("reload: SIGHUP cannot be caught here (" + noHangup + ")");
    }
    Thread thread = new Thread(watcher::run, "facts-watcher");
    thread.setDaemon(true);
    thread.start();
    return watcher;
  }

  private void run() {
    try {
      while (open) {
        boolean changed = false;
        WatchKey key = service.poll(TICK_MS, TimeUnit.MILLISECONDS);
        if (key != null) {
          changed |= take(key);
          for (key = service.poll(SETTLE.toMillis(), TimeUnit.MILLISECONDS);
              key != null;
              key = service.poll(SETTLE.toMillis(), TimeUnit.MILLISECONDS)) {
            changed |= take(key); // more changes: wait until they settle
          }
        }
        if (hangup.getAndSet(false) && open) {
          kb.reloadAll(); // an operator's explicit reload: no hash kept from before is trusted
        } else if (changed && open) {
          kb.reload();
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      Thread.currentThread().interrupt(); // closed: stop
    } catch (RuntimeException e) {
      log.accept("reload: watching " + factsDir + " stopped (" + e + ")");
    }
  }

  /** Consumes {@code key}'s events, watching new report folders; returns whether any came. */
  private boolean take(WatchKey key) {
    boolean any = false;
    for (WatchEvent<?> event : key.pollEvents()) {
      any = true;
      if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE
          && key.watchable() instanceof Path dir
          && event.context() instanceof Path name
          && dir.equals(factsDir)
          && Files.isDirectory(dir.resolve(name))) {
        try {
          register(dir.resolve(name));
        } catch (IOException e) {
          log.accept("reload: cannot watch " + dir.resolve(name) + " (" + e.getMessage() + ")");
        }
      }
    }
    key.reset();
    return any;
  }

  private void register(Path dir) throws IOException {
    dir.register(
        service,
        StandardWatchEventKinds.ENTRY_CREATE,
        StandardWatchEventKinds.ENTRY_MODIFY,
        StandardWatchEventKinds.ENTRY_DELETE);
  }

  @Override
  public void close() throws IOException {
    open = false;
    service.close();
  }
}
