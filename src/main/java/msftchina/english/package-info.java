/**
 * General English, from well-kept sources rather than lists of ours: which words are English words
 * at all (WordNet 3.1's lemmas and their inflections), so that a real word is never "corrected" to
 * a word of the report; and which are everyday words (the lemmas WordNet's sense counts count most
 * often), so that a question sharing only those with a report is not taken to be about it.
 */
package msftchina.english;
