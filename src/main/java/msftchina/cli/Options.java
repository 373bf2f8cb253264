package msftchina.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A subcommand's arguments: the common options {@code --facts DIR} and {@code --index DIR}
 * (defaults {@code facts} and {@code index}, or the variables {@code MSFTCHINA_FACTS} and {@code
 * MSFTCHINA_INDEX}), flags, and the remaining words.
 */
final class Options {

  final Path facts;
  final Path index;
  final List<String> flags = new ArrayList<>();
  final List<String> words = new ArrayList<>();

  private Options(Path facts, Path index) {
    this.facts = facts;
    this.index = index;
  }

  /** Parses {@code args}, accepting only the flags in {@code known}. */
  static Options parse(List<String> args, Map<String, String> env, String usage, String... known) {
    Path facts = Path.of(env.getOrDefault("MSFTCHINA_FACTS", "facts"));
    Path index = Path.of(env.getOrDefault("MSFTCHINA_INDEX", "index"));
    List<String> rest = new ArrayList<>();
    List<String> flags = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--facts") || arg.equals("--index")) {
        if (i + 1 == args.size()) {
          throw new UsageException(arg + " needs a folder; usage: " + usage);
        }
        Path value = Path.of(args.get(++i));
        if (arg.equals("--facts")) {
          facts = value;
        } else {
          index = value;
        }
      } else if (arg.equals("--")) {
        rest.addAll(args.subList(i + 1, args.size()));
        break;
      } else if (arg.startsWith("--") && List.of(known).contains(arg)) {
        flags.add(arg);
      } else if (arg.startsWith("--")) {
        throw new UsageException("unknown option " + arg + "; usage: " + usage);
      } else {
        rest.add(arg);
      }
    }
    Options options = new Options(facts, index);
    options.flags.addAll(flags);
    options.words.addAll(rest);
    return options;
  }

  /**
   * Removes {@code flag} and the value after it from {@code args}, and returns the value, or null
   * when the flag isn't there.
   */
  static String take(List<String> args, String flag, String usage) {
    int at = args.indexOf(flag);
    if (at < 0) {
      return null;
    }
    if (at + 1 == args.size()) {
      throw new UsageException(flag + " needs a value; usage: " + usage);
    }
    String value = args.get(at + 1);
    args.subList(at, at + 2).clear();
    return value;
  }

  boolean has(String flag) {
    return flags.contains(flag);
  }
}
