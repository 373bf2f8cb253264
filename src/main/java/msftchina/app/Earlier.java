package msftchina.app;

import msftchina.search.Answer;

/**
 * A thread's earlier question and its answer, which a follow-up in the thread is read with.
 *
 * @param question the question as it was read
 * @param answer what it was answered
 */
public record Earlier(String question, Answer answer) {}
