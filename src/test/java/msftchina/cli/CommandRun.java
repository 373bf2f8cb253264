package msftchina.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** What one run of the command line, in this JVM, printed and returned. */
record CommandRun(int status, String out, String err) {

  /** Runs {@code msftchina ARGS} with {@code env} as its environment and nothing on its input. */
  static CommandRun of(Map<String, String> env, String... args) {
    return of(env, "", List.of(args));
  }

  /** Runs {@code msftchina ARGS} with {@code env} as its environment and {@code stdin}. */
  static CommandRun of(Map<String, String> env, String stdin, List<String> args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Main.run(
            args,
            new Console(
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                env));
    return new CommandRun(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Returns the lines printed on standard output, without the last line's end. */
  List<String> outLines() {
    return out.isEmpty() ? List.of() : out.lines().toList();
  }
}
