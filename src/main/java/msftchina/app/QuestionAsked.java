package msftchina.app;

/**
 * One question as the question log records it.
 *
 * @param at when it was asked, in epoch milliseconds
 * @param surface where it was asked
 * @param team the workspace id, or null
 * @param channel the channel id, or null
 * @param user the asker's user id, or null
 * @param question the question as asked
 * @param outcome what it was answered ({@link Outcome#UNKNOWN} for a lookup)
 * @param millis how long answering took, in milliseconds
 */
public record QuestionAsked(
    long at,
    Surface surface,
    String team,
    String channel,
    String user,
    String question,
    Outcome outcome,
    int millis) {}
