package io.github.csmkit.hubspot.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csmkit.hubspot.sync.HubSpotRateLimiter.Bucket;
import io.github.csmkit.sandbox.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HubSpotRateLimiterTest {
  final ManualClock clock = new ManualClock();
  final List<Duration> sleeps = new ArrayList<>();
  final HubSpotRateLimiter limiter =
      HubSpotRateLimiter.builder()
          .clock(clock)
          .sleeper(
              d -> {
                sleeps.add(d);
                clock.advance(d);
              })
          .searchLimit(5)
          .standardLimit(100)
          .build();

  @Test
  void theSixthSearchInASecondWaitsUntilTheFirstLeavesTheWindow() {
    Instant start = clock.instant();
    for (int i = 0; i < 5; i++) {
      assertThat(limiter.acquire(Bucket.SEARCH)).isZero();
      clock.advance(Duration.ofMillis(100));
    }
    assertThat(limiter.acquire(Bucket.SEARCH)).isEqualTo(Duration.ofMillis(500));
    assertThat(clock.instant()).isEqualTo(start.plusSeconds(1));
  }

  @Test
  void searchesNeverExceedFivePerRollingSecond() {
    List<Instant> sent = new ArrayList<>();
    for (int i = 0; i < 61; i++) {
      limiter.acquire(Bucket.SEARCH);
      sent.add(clock.instant());
      clock.advance(Duration.ofMillis(7)); // the request's own time
    }
    for (int i = 5; i < sent.size(); i++) {
      assertThat(Duration.between(sent.get(i - 5), sent.get(i)))
          .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }
    // and no slower than needed: 61 searches in a little over 12 seconds
    assertThat(Duration.between(sent.get(0), sent.get(60))).isLessThan(Duration.ofMillis(12_200));
  }

  @Test
  void theStandardBucketHasItsOwnTenSecondWindow() {
    for (int i = 0; i < 100; i++) {
      assertThat(limiter.acquire(Bucket.STANDARD)).isZero();
    }
    assertThat(limiter.acquire(Bucket.SEARCH)).isZero(); // another bucket: not held up
    assertThat(limiter.acquire(Bucket.STANDARD)).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void aBackOffHoldsOnlyItsBucket() {
    limiter.backOff(Bucket.STANDARD, Duration.ofSeconds(3));
    assertThat(limiter.acquire(Bucket.SEARCH)).isZero();
    assertThat(limiter.acquire(Bucket.STANDARD)).isEqualTo(Duration.ofSeconds(3));

    limiter.backOff(Bucket.SEARCH, null); // no Retry-After: the bucket's window
    assertThat(limiter.acquire(Bucket.SEARCH)).isEqualTo(Duration.ofSeconds(1));
    assertThat(sleeps).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(1));
  }

  @Test
  void aShorterBackOffDoesNotShortenALongerOne() {
    limiter.backOff(Bucket.SEARCH, Duration.ofSeconds(5));
    limiter.backOff(Bucket.SEARCH, Duration.ofSeconds(1));
    assertThat(limiter.acquire(Bucket.SEARCH)).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void concurrentCallersShareTheWindow() throws Exception {
    HubSpotRateLimiter real =
        HubSpotRateLimiter.builder().searchLimit(5).standardLimit(100).build();
    List<Thread> threads = new ArrayList<>();
    List<Instant> sent = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int t = 0; t < 4; t++) {
      Thread th =
          new Thread(
              () -> {
                for (int i = 0; i < 3; i++) {
                  real.acquire(Bucket.SEARCH);
                  sent.add(Instant.now());
                }
              });
      threads.add(th);
      th.start();
    }
    for (Thread th : threads) {
      th.join(10_000);
    }
    List<Instant> sorted = sent.stream().sorted().toList();
    assertThat(sorted).hasSize(12);
    // 12 searches at 5 per second: the 6th and the 11th had to wait for the window
    assertThat(Duration.between(sorted.get(0), sorted.get(10)))
        .isGreaterThanOrEqualTo(Duration.ofMillis(1900));
  }

  /** Moved from HubSpotApiClientTest when the client's own limiter was folded into this one. */
  @Test
  void theStandardWindowSlidesWithAConfiguredLength() {
    HubSpotRateLimiter two =
        HubSpotRateLimiter.builder()
            .clock(clock)
            .sleeper(
                d -> {
                  sleeps.add(d);
                  clock.advance(d);
                })
            .standardLimit(2, Duration.ofSeconds(10))
            .build();
    two.acquire(Bucket.STANDARD);
    clock.advance(Duration.ofSeconds(4));
    two.acquire(Bucket.STANDARD);
    clock.advance(Duration.ofSeconds(1));
    two.acquire(Bucket.STANDARD); // the first left the window at +10 s: wait 5 s
    assertThat(sleeps).containsExactly(Duration.ofSeconds(5));
    clock.advance(Duration.ofSeconds(4));
    two.acquire(Bucket.STANDARD); // the second left at +14 s, now +14 s: no wait
    assertThat(sleeps).hasSize(1);
    assertThat(two.toString()).contains("other 2/PT10S");
  }
}
