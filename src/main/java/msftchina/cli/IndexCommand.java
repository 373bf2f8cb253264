package msftchina.cli;

import java.util.List;
import msftchina.facts.FactsDirectory;
import msftchina.search.FactIndex;

/** {@code msftchina index}: builds the Lucene index from every facts file. */
final class IndexCommand implements Command {

  private static final String USAGE = "msftchina index [--facts DIR] [--index DIR]";

  @Override
  public String name() {
    return "index";
  }

  @Override
  public String summary() {
    return "build the search index from every facts file";
  }

  @Override
  public String help() {
    return "usage: "
        + USAGE
        + "\n\n"
        + "Builds the Lucene index in --index (default: index) from every *.facts.jsonl in --facts\n"
        + "(default: facts). 'ask' and 'serve' do this by themselves when the index is missing,\n"
        + "corrupt or older than the facts.\n";
  }

  @Override
  public int run(List<String> args, Console console) throws Exception {
    Options options = Options.parse(args, console.env(), USAGE);
    if (!options.words.isEmpty()) {
      throw new UsageException(
          "unexpected argument '" + options.words.get(0) + "'; usage: " + USAGE);
    }
    int count = FactIndex.rebuild(options.index, new FactsDirectory(options.facts));
    console.out().printf("indexed %d facts from %s into %s%n", count, options.facts, options.index);
    return 0;
  }
}
