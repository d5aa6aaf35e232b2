package io.github.csmkit.hubspot.internal;

/** 64-bit string hashes for compact de-duplication sets. Not for users. */
public final class StringHash {
  private StringHash() {}

  /**
   * FNV-1a over the UTF-16 chars (no byte array per call: this runs once a contact), then murmur3's
   * 64-bit finaliser to spread the bits; never 0, so that 0 can mark an empty slot in {@link
   * LongLongMap}. Two different strings share a hash with probability about 2⁻⁶⁴.
   */
  public static long hash64(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h == 0 ? 1 : h;
  }
}
