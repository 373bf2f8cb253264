package msftchina.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import msftchina.eval.EvalQuestion;
import msftchina.search.Answer;
import msftchina.search.KnowledgeBase;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Search time per question over the evaluation questions, after warm-up: each invocation answers
 * the next question of {@code eval/}, so the sampled percentiles are per question. Run it with
 * {@code bench/search.sh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SearchBenchmark {

  private KnowledgeBase kb;
  private Path index;
  private String[] questions;
  private int next;

  @Setup(Level.Trial)
  public void open() throws Exception {
    index = Files.createTempDirectory("msftchina-bench");
    kb = KnowledgeBase.open(Path.of("facts"), index, line -> {});
    List<String> all = new ArrayList<>();
    for (String set : List.of("eval/tuning.jsonl", "eval/heldout.jsonl")) {
      EvalQuestion.read(Path.of(set)).forEach(q -> all.add(q.question()));
    }
    questions = all.toArray(String[]::new);
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    kb.close();
  }

  @Benchmark
  public Answer ask() {
    String question = questions[next];
    next = (next + 1) % questions.length;
    return kb.ask(question);
  }
}
