package msftchina.app;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import msftchina.search.Answer;
import msftchina.search.KnowledgeBase;
import msftchina.search.Lookup;
import msftchina.search.ReportInfo;

/**
 * How every surface answers: reads the question (its {@code in:NAME}, the channel's report, and the
 * thread's earlier question for a follow-up), answers it from the knowledge base, and records it in
 * the question log, with the report and version it was answered from, and the answer times.
 * Surfaces only turn what they receive into a question and the answer into a reply.
 *
 * <p>NOTE: safe for concurrent use.
 */
public final class AskService {

  private final KnowledgeBase kb;
  private final Lookup lookup;
  private final QuestionLog log;
  private final ChannelReports channels;
  private final AnswerTimes times;
  private volatile ReportVersions versions;

  /**
   * Creates the service answering from {@code kb}, asking a channel's report first as {@code
   * channels} has it, recording in {@code log} and {@code times}.
   */
  public AskService(KnowledgeBase kb, QuestionLog log, ChannelReports channels, AnswerTimes times) {
    this.kb = kb;
    this.lookup = new Lookup(kb);
    this.log = log;
    this.channels = channels;
    this.times = times;
    this.versions = ReportVersions.of(kb.catalog());
  }

  /**
   * Returns the service of the command line, answering from {@code kb}: nothing is kept (a {@link
   * MemoryStore}) and nothing is counted.
   */
  public static AskService uncounted(KnowledgeBase kb) {
    MemoryStore nothingKept = new MemoryStore();
    return new AskService(
        kb,
        nothingKept,
        nothingKept,
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

  /** Returns the reports of the library, by id. */
  public List<ReportInfo> reports() {
    return versions().catalog();
  }

  /** Returns the report named {@code name} (its id, in any case), or empty. */
  public Optional<ReportInfo> report(String name) {
    return Optional.ofNullable(versions().find(name));
  }

  /**
   * Returns what {@code text} asks of which report: its {@code in:NAME}, else the report of {@code
   * channel} (null for none) first, else every report.
   */
  public Scope scope(String text, String channel) {
    ReportVersions now = versions();
    Scope named = Scope.read(text, now);
    if (named != null) {
      return named;
    }
    ReportInfo first =
        channels.channelReport(channel).map(now::find).orElse(null); // a removed one: none
    return first == null ? Scope.everyReport(text) : new Scope(text, first, true, null);
  }

  /** Returns the answer to {@code text} (its {@code in:NAME} honoured), recording nothing. */
  public Answer answer(String text) {
    return answer(text, null);
  }

  /**
   * Returns the answer to {@code text} asked in {@code channel} (its {@code in:NAME}, else the
   * channel's report first), recording nothing.
   */
  public Answer answer(String text, String channel) {
    return answer(scope(text, channel)).to(text);
  }

  /**
   * Returns the answer to {@code scope}'s question, recording nothing (the CLI, a cached reply's
   * miss): from its report, and from every report when that refuses and the scope falls back. A
   * scope with an unknown report is answered from every report.
   */
  public Answer answer(Scope scope) {
    Answer answer =
        kb.ask(scope.question(), Optional.ofNullable(scope.report()).map(ReportInfo::id));
    return scope.fallBack() && !answer.answered() ? kb.ask(scope.question()) : answer;
  }

  /**
   * Answers {@code question} from {@code who}, read with {@code earlier} when it is a follow-up in
   * a thread (null otherwise), and records it; {@code startedNanos} is {@link System#nanoTime} when
   * the question arrived. A question naming an unknown report is neither answered nor recorded: its
   * scope says so.
   */
  public Answered ask(Asker who, String question, Earlier earlier, long startedNanos) {
    Scope scope = scope(question, who.channel());
    if (scope.unknown() != null) {
      return new Answered(Answer.refused(question, UNKNOWN), null, scope);
    }
    String readAs = FollowUp.read(scope.question(), earlier);
    Scope asked =
        readAs == null
            ? scope
            : new Scope(readAs, scope.report(), scope.fallBack(), scope.unknown());
    Answer answer = answer(asked).to(question);
    record(who, answer, scope, readAs != null, startedNanos);
    return new Answered(answer, readAs, scope);
  }

  /** The refusal of a question naming no known report, never shown (its scope is). */
  private static final msftchina.search.Refusal UNKNOWN =
      new msftchina.search.Refusal(msftchina.search.Refusal.Reason.NOTHING_ASKED, List.of());

  /**
   * Records {@code answer} to a question of {@code scope}, given to {@code who} ({@code followUp}
   * when read with a thread), with the report and version it came from.
   */
  public void record(Asker who, Answer answer, Scope scope, boolean followUp, long startedNanos) {
    long nanos = Math.max(0, System.nanoTime() - startedNanos);
    times.asked(followUp ? Surface.FOLLOW_UP : who.surface(), answer, Duration.ofNanos(nanos));
    ReportVersions now = versions();
    String report = ReportVersions.reportOf(answer);
    if (report == null && scope.report() != null && !scope.fallBack()) {
      report = scope.report().id(); // refused by the one report asked
    }
    ReportInfo info = report == null ? null : now.byId().get(report);
    log.asked(
        new QuestionAsked(
            System.currentTimeMillis(),
            who.surface(),
            who.team(),
            who.channel(),
            who.user(),
            answer.question(),
            Outcome.of(answer),
            (int) Math.min(Integer.MAX_VALUE, nanos / 1_000_000),
            info == null ? null : info.id(),
            info == null ? now.library() : info.version()));
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
            (int) Math.min(Integer.MAX_VALUE, nanos / 1_000_000),
            null,
            null));
    return found;
  }

  /** Returns the versions of the reports as the knowledge base lists them now. */
  private ReportVersions versions() {
    List<ReportInfo> catalog = kb.catalog();
    ReportVersions known = versions;
    if (!known.catalog().equals(catalog)) {
      known = ReportVersions.of(catalog);
      versions = known;
    }
    return known;
  }
}
