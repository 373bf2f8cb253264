package msftchina.app;

import java.time.Duration;
import msftchina.search.Answer;
import msftchina.search.KnowledgeBase;
import msftchina.search.Lookup;

/**
 * How every surface answers: reads the question (with the thread's earlier question for a
 * follow-up), answers it from the knowledge base, and records it in the question log and the answer
 * times. Surfaces only turn what they receive into a question and the answer into a reply.
 *
 * <p>NOTE: safe for concurrent use.
 */
public final class AskService {

  private final KnowledgeBase kb;
  private final Lookup lookup;
  private final QuestionLog log;
  private final AnswerTimes times;

  /** Creates the service answering from {@code kb}, recording in {@code log} and {@code times}. */
  public AskService(KnowledgeBase kb, QuestionLog log, AnswerTimes times) {
    this.kb = kb;
    this.lookup = new Lookup(kb);
    this.log = log;
    this.times = times;
  }

  /**
   * Returns the service of the command line, answering from {@code kb}: nothing is kept (a {@link
   * MemoryStore}) and nothing is counted.
   */
  public static AskService uncounted(KnowledgeBase kb) {
    return new AskService(
        kb,
        new MemoryStore(),
        new AnswerTimes() {
          @Override
          public void asked(Surface surface, Answer answer, Duration took) {
            // not counted: a command run answers and exits
          }

          @Override
          public void lookedUp(boolean found, Duration took) {
            // not counted
          }
        });
  }

  /** Returns the knowledge base answered from. */
  public KnowledgeBase kb() {
    return kb;
  }

  /** Returns the lookup over the knowledge base's statements. */
  public Lookup lookup() {
    return lookup;
  }

  /** Returns the answer to {@code question}, recording nothing (the CLI, a cached reply's miss). */
  public Answer answer(String question) {
    return kb.ask(question);
  }

  /**
   * Answers {@code question} from {@code who}, read with {@code earlier} when it is a follow-up in
   * a thread (null otherwise), and records it; {@code startedNanos} is {@link System#nanoTime} when
   * the question arrived.
   */
  public Answered ask(Asker who, String question, Earlier earlier, long startedNanos) {
    String readAs = FollowUp.read(question, earlier);
    Answer answer = kb.ask(readAs == null ? question : readAs).to(question);
    record(who, answer, readAs != null, startedNanos);
    return new Answered(answer, readAs);
  }

  /** Records {@code answer}, given to {@code who} ({@code followUp} when read with a thread). */
  public void record(Asker who, Answer answer, boolean followUp, long startedNanos) {
    long nanos = Math.max(0, System.nanoTime() - startedNanos);
    times.asked(followUp ? Surface.FOLLOW_UP : who.surface(), answer, Duration.ofNanos(nanos));
    log.asked(
        new QuestionAsked(
            System.currentTimeMillis(),
            who.surface(),
            who.team(),
            who.channel(),
            who.user(),
            answer.question(),
            Outcome.of(answer),
            (int) Math.min(Integer.MAX_VALUE, nanos / 1_000_000)));
  }

  /** Lists the statements with {@code words} for {@code who}, and records the lookup. */
  public Lookup.Found find(Asker who, String words, long startedNanos) {
    Lookup.Found found = lookup.find(words);
    long nanos = Math.max(0, System.nanoTime() - startedNanos);
    times.lookedUp(!found.statements().isEmpty(), Duration.ofNanos(nanos));
    log.asked(
        new QuestionAsked(
            System.currentTimeMillis(),
            Surface.FIND,
            who.team(),
            who.channel(),
            who.user(),
            words,
            Outcome.UNKNOWN,
            (int) Math.min(Integer.MAX_VALUE, nanos / 1_000_000)));
    return found;
  }
}
