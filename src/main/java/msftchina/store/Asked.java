package msftchina.store;

import msftchina.search.Answer;

/**
 * One question as it is recorded.
 *
 * @param at when it was asked, in epoch milliseconds
 * @param surface where it was asked
 * @param team the workspace id, or null
 * @param channel the channel id, or null
 * @param user the asker's user id, or null
 * @param question the question as asked
 * @param answer what it was answered, or null when the recorder is to work it out again (the report
 *     doesn't change while the bot runs, so the answer is the same)
 * @param millis how long answering took, in milliseconds
 */
public record Asked(
    long at,
    Surface surface,
    String team,
    String channel,
    String user,
    String question,
    Answer answer,
    int millis) {}
