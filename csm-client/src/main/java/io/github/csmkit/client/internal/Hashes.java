package io.github.csmkit.client.internal;

import java.nio.charset.StandardCharsets;

/** 64-bit string hashes for compact de-duplication sets. Not for users. */
public final class Hashes {
  private Hashes() {}

  /**
   * FNV-1a over the UTF-8 bytes, then a murmur finaliser to spread the bits; never 0, so that 0 can
   * mark an empty slot. Two different strings share a hash with probability about 2⁻⁶⁴.
   */
  public static long hash64(String s) {
    long h = 0xcbf29ce484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
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
