package io.github.csmkit.hubspot.migration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HubSpotIdsTest {
  @Test
  void numbersAndOtherIdsAreEachFoundOnlyWhenAdded() {
    HubSpotIds ids = new HubSpotIds();
    for (long i = 1; i <= 5000; i += 2) {
      ids.add(Long.toString(i)); // past the table's first growth
    }
    ids.add("0");
    ids.add("008");
    ids.add("abc-1");
    ids.add("123456789012345678901"); // too long for a long
    for (long i = 1; i <= 5000; i++) {
      assertThat(ids.contains(Long.toString(i))).as("%d", i).isEqualTo(i % 2 == 1);
    }
    assertThat(ids.contains("0")).isTrue();
    assertThat(ids.contains("008")).isTrue();
    assertThat(ids.contains("8")).isFalse(); // "008" is not 8
    assertThat(ids.contains("abc-1")).isTrue();
    assertThat(ids.contains("abc-2")).isFalse();
    assertThat(ids.contains("123456789012345678901")).isTrue();
    assertThat(ids.contains("")).isFalse();
  }
}
