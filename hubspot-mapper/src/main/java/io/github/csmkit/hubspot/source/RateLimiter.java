package io.github.csmkit.hubspot.source;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A sliding-window rate limiter: at most {@code maxRequests} in any {@code window}, as HubSpot
 * counts its burst limit. Thread-safe; waits with the client's sleeper, so tests stay fast.
 */
final class RateLimiter {
  private final int maxRequests;
  private final Duration window;
  private final Clock clock;
  private final HubSpotHttp.Pause pause;
  private final Deque<Instant> sent = new ArrayDeque<>();

  RateLimiter(int maxRequests, Duration window, Clock clock, HubSpotHttp.Pause pause) {
    this.maxRequests = maxRequests;
    this.window = window;
    this.clock = clock;
    this.pause = pause;
  }

  /** Blocks until one more request stays within the limit, and counts it. */
  synchronized void acquire() {
    Instant now = clock.instant();
    forgetBefore(now);
    if (sent.size() >= maxRequests) {
      pause.pause(Duration.between(now, sent.peekFirst().plus(window)));
      now = clock.instant();
      forgetBefore(now);
    }
    sent.addLast(now);
  }

  private void forgetBefore(Instant now) {
    while (!sent.isEmpty() && !sent.peekFirst().isAfter(now.minus(window))) {
      sent.pollFirst();
    }
  }

  @Override
  public String toString() {
    return maxRequests + "/" + window;
  }
}
