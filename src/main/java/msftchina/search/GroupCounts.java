package msftchina.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Counts, in one pass over the index's postings, how many live statements of each group of reports
 * use each term of a field: the statistics each group's reading of a question needs, read from the
 * index rather than from the statements' text.
 */
final class GroupCounts {

  private final DirectoryReader reader;
  private final List<int[]> docGroups = new ArrayList<>();
  private final int[] statements;
  private final Map<String, long[]> tokens = new HashMap<>();

  /** Prepares counts over {@code reader}, whose report {@code id} is in group {@code groupOf}. */
  GroupCounts(DirectoryReader reader, Map<String, Integer> groupOf, int groups) throws IOException {
    this.reader = reader;
    this.statements = new int[groups];
    for (LeafReaderContext leaf : reader.leaves()) {
      int[] group = new int[leaf.reader().maxDoc()];
      Arrays.fill(group, -1);
      SortedDocValues reports = DocValues.getSorted(leaf.reader(), FactFields.REPORT_ID);
      int[] ordGroup = new int[reports.getValueCount()];
      for (int ord = 0; ord < ordGroup.length; ord++) {
        ordGroup[ord] = groupOf.getOrDefault(reports.lookupOrd(ord).utf8ToString(), -1);
      }
      Bits live = leaf.reader().getLiveDocs();
      for (int doc = reports.nextDoc();
          doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = reports.nextDoc()) {
        if (live == null || live.get(doc)) {
          group[doc] = ordGroup[reports.ordValue()];
          if (group[doc] >= 0) {
            statements[group[doc]]++;
          }
        }
      }
      docGroups.add(group);
    }
  }

  /** Returns how many live statements each group holds. */
  int[] statements() {
    return statements.clone();
  }

  /** Returns how many words of {@code field} each group's statements hold, once it is counted. */
  long[] tokens(String field) {
    return tokens.getOrDefault(field, new long[statements.length]).clone();
  }

  /** Returns, for each term of {@code field}, how many live statements of each group use it. */
  Map<String, int[]> count(String field) throws IOException {
    Map<String, int[]> counts = new HashMap<>();
    long[] words = new long[statements.length];
    tokens.put(field, words);
    PostingsEnum postings = null;
    for (LeafReaderContext leaf : reader.leaves()) {
      Terms terms = leaf.reader().terms(field);
      if (terms == null) {
        continue;
      }
      int[] group = docGroups.get(leaf.ord);
      TermsEnum it = terms.iterator();
      for (BytesRef term = it.next(); term != null; term = it.next()) {
        postings = it.postings(postings, PostingsEnum.FREQS);
        int[] counted = null;
        for (int doc = postings.nextDoc();
            doc != DocIdSetIterator.NO_MORE_DOCS;
            doc = postings.nextDoc()) {
          int g = group[doc];
          if (g >= 0) {
            if (counted == null) {
              counted =
                  counts.computeIfAbsent(term.utf8ToString(), t -> new int[statements.length]);
            }
            counted[g]++;
            words[g] += postings.freq();
          }
        }
      }
    }
    return counts;
  }
}
