package io.github.csmkit.client.bulk;

import io.github.csmkit.client.internal.Hashes;

/**
 * The de-duplication keys seen so far, as 64-bit hashes in an open-addressing table: 8 to 16 bytes
 * a record instead of a {@code HashSet<String>}'s hundred or so, so a million-record import keeps
 * its dedupe set in about 16 MB. Two different keys share a hash with probability about
 * n²/2⁶⁵ (3·10⁻⁸ for a million keys); the cost of that is one record reported as a duplicate.
 */
final class SeenKeys {
  private long[] table = new long[1 << 10];
  private int size;

  /** Adds the key; false when it was seen before. */
  boolean add(String key) {
    long h = hash(key);
    if (size * 2 >= table.length) {
      grow();
    }
    return insert(table, h);
  }

  int size() {
    return size;
  }

  private boolean insert(long[] t, long h) {
    int mask = t.length - 1;
    int i = (int) (h ^ (h >>> 32)) & mask;
    while (t[i] != 0) {
      if (t[i] == h) {
        return false;
      }
      i = (i + 1) & mask;
    }
    t[i] = h;
    if (t == table) {
      size++;
    }
    return true;
  }

  private void grow() {
    long[] old = table;
    table = new long[old.length * 2];
    int kept = size;
    for (long h : old) {
      if (h != 0) {
        insert(table, h);
      }
    }
    size = kept;
  }

  static long hash(String key) {
    return Hashes.hash64(key);
  }

  @Override
  public String toString() {
    return "SeenKeys[" + size + " of " + table.length + "]";
  }
}
