package msftchina.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import msftchina.facts.FactsFormatException;
import msftchina.store.StoreException;

/** The {@code msftchina} command line: {@code msftchina SUBCOMMAND [options]}. */
public final class Main {

  /** Exit status for a command line that can't be run as given. */
  static final int USAGE = 2;

  /** Exit status for a failure: missing files, a malformed facts file, a port in use. */
  static final int FAILURE = 1;

  private static final List<Command> COMMANDS =
      List.of(
          new AskCommand(),
          new IngestCommand(),
          new IndexCommand(),
          new EvalCommand(),
          new ServeCommand(),
          new SignCommand(),
          new WarmupCommand(),
          new GapsCommand(),
          new StatsCommand());

  private Main() {}

  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    int status = run(Arrays.asList(args), new Console(System.in, out, err, System.getenv()));
    out.flush();
    System.exit(status);
  }

  /** Runs the command line {@code args} and returns its exit status. */
  public static int run(List<String> args, Console console) {
    if (args.isEmpty()
        || args.get(0).equals("--help")
        || args.get(0).equals("-h")
        || args.get(0).equals("help")) {
      console.out().print(overview());
      return args.isEmpty() ? USAGE : 0;
    }
    Command command =
        COMMANDS.stream().filter(c -> c.name().equals(args.get(0))).findFirst().orElse(null);
    if (command == null) {
      console
          .err()
          .println(
              "msftchina: unknown command '"
                  + args.get(0)
                  + "'; run 'msftchina --help' for the list");
      return USAGE;
    }
    List<String> rest = new ArrayList<>(args.subList(1, args.size()));
    if (rest.contains("--help") || rest.contains("-h")) {
      console.out().print(command.help());
      return 0;
    }
    try {
      return command.run(rest, console);
    } catch (UsageException e) {
      console.err().println("msftchina " + command.name() + ": " + e.getMessage());
      return USAGE;
    } catch (FactsFormatException | StoreException e) {
      console.err().println("msftchina " + command.name() + ": " + e.getMessage());
      return FAILURE;
    } catch (NoSuchFileException e) {
      String reason = e.getReason() == null ? "no such file" : e.getReason();
      console.err().println("msftchina " + command.name() + ": " + e.getFile() + ": " + reason);
      return FAILURE;
    } catch (IOException e) {
      console.err().println("msftchina " + command.name() + ": " + e);
      return FAILURE;
    } catch (Exception e) {
      console.err().println("msftchina " + command.name() + ": unexpected error: " + e);
      return FAILURE;
    }
  }

  private static String overview() {
    StringBuilder s = new StringBuilder();
    s.append(
        "msftchina: answers questions about a report with the report's own cited statements\n\n");
    s.append("usage: java -jar target/msftchina.jar COMMAND [options]\n\ncommands:\n");
    for (Command c : COMMANDS) {
      s.append(String.format("  %-7s %s%n", c.name(), c.summary()));
    }
    s.append("\nRun 'msftchina COMMAND --help' for a command's options.\n");
    return s.toString();
  }
}
