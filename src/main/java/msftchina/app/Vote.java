package msftchina.app;

/**
 * One click on an answer's 👍 or 👎: who, on which statement given to which question.
 *
 * @param at when, in epoch milliseconds
 * @param user the user id of who clicked
 * @param statement the id of the statement the answer led with
 * @param question the question it answered
 * @param up true for 👍, false for 👎
 */
public record Vote(long at, String user, String statement, String question, boolean up) {}
