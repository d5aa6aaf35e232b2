package io.github.csmkit.hubspot.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class LookAheadTest {
  @Test
  void computesOneAheadOnDemandAndNeverAfterTheEnd() {
    int[] calls = {0};
    Iterator<Integer> it = LookAhead.of(() -> ++calls[0] <= 3 ? calls[0] : null);
    assertThat(calls[0]).isZero();
    assertThat(it.hasNext()).isTrue();
    assertThat(it.hasNext()).isTrue();
    assertThat(calls[0]).isEqualTo(1);
    List<Integer> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    assertThat(out).containsExactly(1, 2, 3);
    assertThat(it.hasNext()).isFalse();
    assertThat(it.hasNext()).isFalse();
    assertThat(calls[0]).isEqualTo(4);
    assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void nextWithoutHasNextWorks() {
    Iterator<String> it = LookAhead.of(new ArrayList<>(List.of("a", "b")).iterator()::next);
    assertThat(it.next()).isEqualTo("a");
    assertThat(it.next()).isEqualTo("b");
  }

  @Test
  void theHashIsStableSpreadAndNeverZero() {
    assertThat(StringHash.hash64("a@x.example")).isEqualTo(StringHash.hash64("a@x.example"));
    assertThat(StringHash.hash64("a@x.example")).isNotEqualTo(StringHash.hash64("b@x.example"));
    assertThat(StringHash.hash64("")).isNotZero();
    java.util.Set<Long> seen = new java.util.HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      seen.add(StringHash.hash64("person" + i + "@example.com"));
    }
    assertThat(seen).hasSize(100_000);
  }
}
