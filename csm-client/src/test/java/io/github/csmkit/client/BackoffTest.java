package io.github.csmkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private static final Backoff B =
      Backoff.exponential(Duration.ofMillis(100), 2.0, Duration.ofMillis(1000), 0.5);

  @Test
  void growsByTheMultiplierUpToTheCap() {
    assertThat(B.delay(1, 0)).isEqualTo(Duration.ofMillis(100));
    assertThat(B.delay(2, 0)).isEqualTo(Duration.ofMillis(200));
    assertThat(B.delay(4, 0)).isEqualTo(Duration.ofMillis(800));
    assertThat(B.delay(5, 0)).isEqualTo(Duration.ofMillis(1000));
    assertThat(B.delay(500, 0)).isEqualTo(Duration.ofMillis(1000));
    assertThat(B.delay(0, 0)).as("below 1 counts as 1").isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void jitterTakesOffAShareProportionalToTheDelay() {
    assertThat(B.delay(2, 0.5)).isEqualTo(Duration.ofMillis(150));
    assertThat(B.delay(5, 0.99)).isEqualTo(Duration.ofMillis(505));
    for (int i = 0; i < 200; i++) {
      assertThat(B.delay(3)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
    }
  }

  @Test
  void fixedIsTheSameEveryTime() {
    Backoff f = Backoff.fixed(Duration.ofMillis(70));
    assertThat(f.multiplier()).isEqualTo(1.0);
    assertThat(f.jitter()).isZero();
    assertThat(f.max()).isEqualTo(Duration.ofMillis(70));
    assertThat(f.delay(1)).isEqualTo(Duration.ofMillis(70));
    assertThat(f.delay(9, 0.9)).isEqualTo(Duration.ofMillis(70));
  }

  @Test
  void isAValue() {
    Backoff same = Backoff.exponential(Duration.ofMillis(100), 2.0, Duration.ofSeconds(1), 0.5);
    assertThat(same).isEqualTo(B).hasSameHashCodeAs(B);
    assertThat(Backoff.fixed(Duration.ofMillis(100))).isNotEqualTo(B);
    assertThat(B).hasToString("Backoff[initial=PT0.1S, multiplier=2.0, max=PT1S, jitter=0.5]");
    assertThat(B.initial()).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void checksItsArguments() {
    assertThatThrownBy(() -> Backoff.exponential(null, 2, Duration.ZERO, 0))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Backoff.fixed(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Backoff.exponential(Duration.ZERO, 0.9, Duration.ZERO, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Backoff.exponential(Duration.ZERO, 1, Duration.ZERO, 1.1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Backoff.exponential(Duration.ZERO, Double.NaN, Duration.ZERO, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void thePoliciesDelegateToIt() {
    RetryPolicy retry = RetryPolicy.builder().backoff(B).build();
    assertThat(retry.backoff()).isEqualTo(B);
    assertThat(retry.backoff(3, 0.5)).isEqualTo(B.delay(3, 0.5));
    PollPolicy poll = PollPolicy.builder().backoff(B).build();
    assertThat(poll.backoff()).isEqualTo(B);
    assertThat(poll.delay(0, 0)).isEqualTo(B.delay(1, 0));
    assertThat(poll.delay(2, 0.3)).isEqualTo(B.delay(3, 0.3));
    assertThat(RetryPolicy.defaults().backoff())
        .isEqualTo(Backoff.exponential(Duration.ofMillis(500), 2, Duration.ofSeconds(30), 0.2));
  }

  @Test
  void retryAfterIsPublicAndParsesSecondsAndDates() {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    assertThat(RetryAfter.parse("3", now)).contains(Duration.ofSeconds(3));
    assertThat(RetryAfter.parse(" 1.5 ", now)).contains(Duration.ofMillis(1500));
    assertThat(RetryAfter.parse("Thu, 01 Jan 2026 00:00:10 GMT", now))
        .contains(Duration.ofSeconds(10));
    assertThat(RetryAfter.parse("Wed, 31 Dec 2025 00:00:10 GMT", now)).contains(Duration.ZERO);
    assertThat(RetryAfter.parse("-1", now)).isEmpty();
    assertThat(RetryAfter.parse(null, now)).isEmpty();
    assertThat(RetryAfter.parse("999999999999", now)).contains(Duration.ofDays(3650));
  }
}
