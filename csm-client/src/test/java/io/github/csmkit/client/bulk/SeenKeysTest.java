package io.github.csmkit.client.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeenKeysTest {
  @Test
  void remembersEveryKeyAcrossGrowth() {
    SeenKeys seen = new SeenKeys();
    for (int i = 0; i < 100_000; i++) {
      assertThat(seen.add("user" + i + "@example.com")).isTrue();
    }
    for (int i = 0; i < 100_000; i += 997) {
      assertThat(seen.add("user" + i + "@example.com")).as("key %d", i).isFalse();
    }
    assertThat(seen.size()).isEqualTo(100_000);
    assertThat(seen.offHeap())
        .as("past %d slots the table is a mapped file", SeenKeys.HEAP_SLOTS)
        .isTrue();
    assertThat(seen.add("someone-else@example.com")).isTrue();
    seen.close();
  }

  @Test
  void smallSetsStayOnTheHeap() {
    SeenKeys seen = new SeenKeys();
    for (int i = 0; i < 1_000; i++) {
      seen.add("k" + i);
    }
    assertThat(seen.offHeap()).isFalse();
    assertThat(seen.add("k999")).isFalse();
  }

  @Test
  void hashIsNeverTheEmptySlotMarker() {
    assertThat(io.github.csmkit.client.internal.Hashes.hash64("")).isNotZero();
    assertThat(io.github.csmkit.client.internal.Hashes.hash64("a"))
        .isNotEqualTo(io.github.csmkit.client.internal.Hashes.hash64("b"));
  }
}
