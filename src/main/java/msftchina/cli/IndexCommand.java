package msftchina.cli;

import java.nio.file.Path;
import msftchina.facts.FactsDirectory;
import msftchina.search.FactIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code msftchina index}: builds the Lucene index from every facts file. */
@Command(
    name = "index",
    header = "build the search index from every facts file",
    description =
        "Builds the Lucene index in --index from every report's facts (--facts/NAME/facts.jsonl)."
            + " 'ask' and"
            + " 'serve' do this by themselves when the index is missing, corrupt or older than the"
            + " facts.")
final class IndexCommand extends Subcommand {

  @Mixin private FactsAndIndex folders;

  @Override
  public Integer call() throws Exception {
    Path facts = folders.facts(console().env());
    Path index = folders.index(console().env());
    int count = FactIndex.rebuild(index, new FactsDirectory(facts));
    console().out().printf("indexed %d facts from %s into %s%n", count, facts, index);
    return 0;
  }
}
