package io.github.csmkit.hubspot.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * HubSpot's limits as the sandbox enforces them, on the sandbox clock: search requests per rolling
 * second (per account), other requests per rolling ten seconds, and a daily count shared by both.
 * Only requests let through count. Thread-safe.
 */
final class RateLimits {
  private static final Duration SECOND = Duration.ofSeconds(1);
  private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

  private final Clock clock;
  private final int searchPerSecond;
  private final int perTenSeconds;
  private final long daily;
  private final String portalId;
  private final Deque<Instant> searches = new ArrayDeque<>();
  private final Deque<Instant> others = new ArrayDeque<>();
  private long usedToday;

  RateLimits(Clock clock, int searchPerSecond, int perTenSeconds, long daily, String portalId) {
    this.clock = clock;
    this.searchPerSecond = searchPerSecond;
    this.perTenSeconds = perTenSeconds;
    this.daily = daily;
    this.portalId = portalId;
  }

  /**
   * Lets one request through, or answers the 429 HubSpot would. {@code headers} receives the {@code
   * X-HubSpot-RateLimit-*} headers of a non-search request (search answers carry none).
   */
  synchronized Reply admit(boolean search, Map<String, String> headers) {
    Instant now = clock.instant();
    if (daily > 0 && usedToday >= daily) {
      return Reply.rateLimited("DAILY", "You have reached your daily limit.", null);
    }
    Deque<Instant> window = search ? searches : others;
    int max = search ? searchPerSecond : perTenSeconds;
    Duration length = search ? SECOND : TEN_SECONDS;
    while (!window.isEmpty() && !window.peekFirst().isAfter(now.minus(length))) {
      window.pollFirst();
    }
    if (max > 0 && window.size() >= max) {
      return search
          ? Reply.rateLimited("SECONDLY", "You have reached your secondly limit.", null)
          : Reply.rateLimited(
              "TEN_SECONDLY_ROLLING",
              "You have reached your ten_secondly_rolling limit.",
              "publicapi:private-app-api-calls-ten-secondly:" + portalId);
    }
    window.addLast(now);
    usedToday++;
    if (!search) {
      headers.put("X-HubSpot-RateLimit-Interval-Milliseconds", "10000");
      if (max > 0) {
        headers.put("X-HubSpot-RateLimit-Max", Integer.toString(max));
        headers.put("X-HubSpot-RateLimit-Remaining", Integer.toString(max - window.size()));
      }
      if (daily > 0) {
        headers.put("X-HubSpot-RateLimit-Daily", Long.toString(daily));
        headers.put("X-HubSpot-RateLimit-Daily-Remaining", Long.toString(daily - usedToday));
      }
    }
    return null;
  }
}
