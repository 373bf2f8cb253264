/**
 * General English, from well-kept sources rather than lists of ours: which words are English words
 * at all (WordNet 3.1's lemmas and their inflections), so that a real word is never "corrected" to
 * a word of the report.
 */
package msftchina.english;
