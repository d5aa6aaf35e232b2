package io.github.csmkit.hubspot.internal;

import java.util.Arrays;

/**
 * A Bloom filter of 64-bit keys (hashes) in a fixed 1 MiB: "certainly not added" or "perhaps
 * added". It lets a run skip a database look-up of a key it never wrote, whatever the input's size:
 * no key added is ever answered "not added", and a key not added is answered "perhaps" about once
 * in 23,000 at 100,000 keys, once in 37 at a million, more often beyond (the look-up it saves is
 * then made, as without the filter). Not thread-safe. Not for users.
 */
public final class KeyFilter {
  private static final int BITS_LOG2 = 23; // 8 Mi bits, 1 MiB
  private static final int PROBES = 3;

  private final long[] words = new long[1 << (BITS_LOG2 - 6)];

  /** Adds a key. */
  public void add(long key) {
    long h = mix(key);
    for (int i = 0; i < PROBES; i++) {
      int bit = bit(h, i);
      words[bit >>> 6] |= 1L << bit;
    }
  }

  /** False when the key was certainly never added; true when it perhaps was. */
  public boolean mightContain(long key) {
    long h = mix(key);
    for (int i = 0; i < PROBES; i++) {
      int bit = bit(h, i);
      if ((words[bit >>> 6] & (1L << bit)) == 0) {
        return false;
      }
    }
    return true;
  }

  /** Forgets every key. */
  public void clear() {
    Arrays.fill(words, 0);
  }

  /** The i-th probe: the two halves of the mixed key combined (Kirsch and Mitzenmacher). */
  private static int bit(long h, int i) {
    return ((int) h + i * (int) (h >>> 32)) & ((1 << BITS_LOG2) - 1);
  }

  /** A full avalanche (SplitMix64's finaliser): keys that are not good hashes still spread. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
