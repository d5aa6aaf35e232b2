package io.github.csmkit.hubspot.internal;

/**
 * A map from non-zero 64-bit keys (hashes) to longs, with open addressing in two arrays: 16 to 32
 * bytes an entry, so that de-duplicating a million contacts by email costs tens of megabytes, not
 * hundreds. Not thread-safe. Not for users.
 */
public final class LongLongMap {
  private long[] keys = new long[1 << 10];
  private long[] values = new long[1 << 10];
  private int size;

  /** The value of {@code key}, or {@code missing}. */
  public long get(long key, long missing) {
    int i = slot(keys, key);
    return keys[i] == key ? values[i] : missing;
  }

  /** Sets the value of {@code key} (not 0). */
  public void put(long key, long value) {
    if (key == 0) {
      throw new IllegalArgumentException("0 is not a valid key");
    }
    if (size * 2 >= keys.length) {
      grow();
    }
    int i = slot(keys, key);
    if (keys[i] != key) {
      keys[i] = key;
      size++;
    }
    values[i] = value;
  }

  public int size() {
    return size;
  }

  private static int slot(long[] table, long key) {
    int mask = table.length - 1;
    int i = (int) (key ^ (key >>> 32)) & mask;
    while (table[i] != 0 && table[i] != key) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new long[oldKeys.length * 2];
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] != 0) {
        int i = slot(keys, oldKeys[j]);
        keys[i] = oldKeys[j];
        values[i] = oldValues[j];
      }
    }
  }
}
