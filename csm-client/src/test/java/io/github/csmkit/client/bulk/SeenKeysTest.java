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
    assertThat(seen.add("someone-else@example.com")).isTrue();
  }

  @Test
  void hashIsNeverTheEmptySlotMarker() {
    assertThat(SeenKeys.hash("")).isNotZero();
    assertThat(SeenKeys.hash("a")).isNotEqualTo(SeenKeys.hash("b"));
  }
}
