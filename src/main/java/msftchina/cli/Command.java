package msftchina.cli;

import java.util.List;

/** A subcommand of {@code msftchina}. */
interface Command {

  /** Returns the subcommand's name, as typed. */
  String name();

  /** Returns a one-line summary for {@code msftchina --help}. */
  String summary();

  /** Returns the full help text for {@code msftchina NAME --help}. */
  String help();

  /** Runs the subcommand and returns its exit status. */
  int run(List<String> args, Console console) throws Exception;
}
