package msftchina.search;

/**
 * A term of analysed text, with the characters it came from.
 *
 * @param term the analysed term, as indexed
 * @param surface the characters it came from, as written
 * @param start where they start in the text
 * @param end where they end in the text
 * @param first whether it is the text's first word
 */
record Word(String term, String surface, int start, int end, boolean first) {}
