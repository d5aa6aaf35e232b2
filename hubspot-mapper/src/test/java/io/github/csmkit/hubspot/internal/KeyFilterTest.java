package io.github.csmkit.hubspot.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KeyFilterTest {
  @Test
  void everyKeyAddedIsPerhapsThere() {
    KeyFilter f = new KeyFilter();
    SplittableRandom random = new SplittableRandom(7);
    long[] keys = random.longs(200_000).toArray();
    for (long k : keys) {
      f.add(k);
    }
    for (long k : keys) {
      assertThat(f.mightContain(k)).isTrue();
    }
  }

  @Test
  void keysNotAddedAreAlmostAlwaysAnsweredNo() {
    KeyFilter f = new KeyFilter();
    // keys that differ only in their high bits (not hashes): without mixing they would all share
    // the same few bits, and every key not added would be answered "perhaps"
    for (long k = 1; k <= 100_000; k++) {
      f.add(k << 40);
    }
    long perhaps = 0;
    for (long k = 1_000_001; k <= 2_000_000; k++) {
      perhaps += f.mightContain(k << 40) ? 1 : 0;
    }
    // expected about 43 in a million at 100,000 keys (3 probes, 8 Mi bits)
    assertThat(perhaps).isLessThan(200);
  }

  @Test
  void clearForgetsEveryKey() {
    KeyFilter f = new KeyFilter();
    f.add(42);
    f.clear();
    assertThat(f.mightContain(42)).isFalse();
  }
}
