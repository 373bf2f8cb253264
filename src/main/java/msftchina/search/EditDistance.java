package msftchina.search;

/** The edit distance between two words, counting a swap of neighbouring letters as one edit. */
final class EditDistance {

  private EditDistance() {}

  /**
   * Returns the distance between {@code a} and {@code b}, or {@code limit + 1} once it exceeds
   * {@code limit}.
   */
  static int of(String a, String b, int limit) {
    return of(a, b, limit, new int[a.length() + 1][b.length() + 1]);
  }

  /**
   * Returns the same, working in {@code d}, a table of at least {@code a.length() + 1} by {@code
   * b.length() + 1}.
   */
  static int of(String a, String b, int limit, int[][] d) {
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int rowMin = Integer.MAX_VALUE;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
        rowMin = Math.min(rowMin, v);
      }
      if (rowMin > limit) {
        return limit + 1;
      }
    }
    return Math.min(d[a.length()][b.length()], limit + 1);
  }
}
