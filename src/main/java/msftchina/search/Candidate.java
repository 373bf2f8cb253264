package msftchina.search;

/**
 * A statement that matched a question's terms.
 *
 * @param doc its number in the report's index, and in the searcher's table of statements
 * @param score its BM25 score; higher is better, comparable only within one question
 */
record Candidate(int doc, float score) {}
