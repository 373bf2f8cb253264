package msftchina.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code msftchina} command line: {@code msftchina COMMAND [options]}. */
@Command(
    name = "msftchina",
    description = "answers questions about a report with the report's own cited statements",
    synopsisSubcommandLabel = "COMMAND",
    footer = "%nRun 'msftchina COMMAND --help' for a command's options.")
public final class Main implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "print this help and exit")
  boolean help;

  private final Console console;

  private Main(Console console) {
    this.console = console;
  }

  /** Returns what the commands read from and write to. */
  Console console() {
    return console;
  }

  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    int status = run(Arrays.asList(args), new Console(System.in, out, err, System.getenv()));
    out.flush();
    System.exit(status);
  }

  /** Runs the command line {@code args} and returns its exit status. */
  public static int run(List<String> args, Console console) {
    OneLineErrors errors = new OneLineErrors();
    CommandLine cli =
        new CommandLine(new Main(console))
            .addSubcommand(new AskCommand())
            .addSubcommand(new FindCommand())
            .addSubcommand(new ReportsCommand())
            .addSubcommand(new IngestCommand())
            .addSubcommand(new IndexCommand())
            .addSubcommand(new EvalCommand())
            .addSubcommand(new FitCommand())
            .addSubcommand(new ServeCommand())
            .addSubcommand(new SignCommand())
            .addSubcommand(new WarmupCommand())
            .addSubcommand(new GapsCommand())
            .addSubcommand(new StatsCommand())
            .addSubcommand(new HelpCommand())
            .setUsageHelpWidth(100)
            .setExpandAtFiles(false)
            .setOverwrittenOptionsAllowed(true)
            .setOut(writer(console.out()))
            .setErr(writer(console.err()))
            .setParameterExceptionHandler(errors)
            .setExecutionExceptionHandler(errors);
    // A question is free text: "-5%" or "-exclude" in it are words, not unknown options.
    for (String freeText : List.of("ask", "find", "sign")) {
      cli.getSubcommands()
          .get(freeText)
          .setUnmatchedOptionsArePositionalParams(true)
          .setPosixClusteredShortOptionsAllowed(false);
    }
    int status = cli.execute(args.toArray(String[]::new));
    cli.getOut().flush();
    return status;
  }

  /** {@code msftchina} alone: the overview, and a usage error. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return OneLineErrors.USAGE;
  }

  private static PrintWriter writer(PrintStream stream) {
    return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
  }
}
