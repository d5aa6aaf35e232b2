package io.github.csmkit.hubspot.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One client-side limiter for HubSpot's two short-term limits: the CRM search API's requests per
 * second per account (5), and the other endpoints' requests per rolling 10 seconds per app (100 to
 * 250 by tier). Each {@link Bucket} keeps the send times of its window; {@link #acquire(Bucket)}
 * waits until one more request fits, and {@link #backOff(Bucket, Duration)} holds a bucket after a
 * 429. Thread-safe; waits happen outside the lock.
 *
 * <pre>{@code
 * HubSpotRateLimiter limiter = HubSpotRateLimiter.builder().standardLimit(190).build();
 * limiter.acquire(HubSpotRateLimiter.Bucket.SEARCH);   // then send the search
 * }</pre>
 */
public final class HubSpotRateLimiter {
  /** Which of HubSpot's limits a request counts against. */
  public enum Bucket {
    /** {@code POST /crm/v3/objects/{type}/search}: per second, per account. */
    SEARCH,
    /** Every other endpoint: per rolling 10 seconds, per app. */
    STANDARD
  }

  /** How the limiter waits; tests inject one that moves a fake clock. */
  @FunctionalInterface
  public interface Sleeper {
    /**
     * Waits for {@code duration}.
     *
     * @param duration how long
     * @throws InterruptedException when interrupted
     */
    void sleep(Duration duration) throws InterruptedException;
  }

  private static final class Window {
    final int max;
    final Duration length;
    final Deque<Instant> sent = new ArrayDeque<>();
    Instant heldUntil = Instant.MIN;

    Window(int max, Duration length) {
      this.max = max;
      this.length = length;
    }

    /** Zero when a request may go now (and records it), else how long to wait. */
    Duration tryTake(Instant now) {
      if (now.isBefore(heldUntil)) {
        return Duration.between(now, heldUntil);
      }
      while (!sent.isEmpty() && !sent.peekFirst().plus(length).isAfter(now)) {
        sent.pollFirst();
      }
      if (sent.size() < max) {
        sent.addLast(now);
        return Duration.ZERO;
      }
      return Duration.between(now, sent.peekFirst().plus(length));
    }
  }

  private final Clock clock;
  private final Sleeper sleeper;
  private final Map<Bucket, Window> windows = new EnumMap<>(Bucket.class);

  private HubSpotRateLimiter(Builder b) {
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    windows.put(Bucket.SEARCH, new Window(b.searchPerSecond, Duration.ofSeconds(1)));
    windows.put(Bucket.STANDARD, new Window(b.standardMax, b.standardWindow));
  }

  /**
   * A builder with HubSpot's defaults: 5 searches per second, 100 other requests per 10 seconds
   * (the Free and Starter private-app limit; raise it for higher tiers), the system clock.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Waits until one more request of this bucket fits its window, and counts it.
   *
   * @param bucket the limit the request counts against
   * @return how long it waited in all
   * @throws IllegalStateException when interrupted while waiting (the interrupt flag is set again)
   */
  public Duration acquire(Bucket bucket) {
    Window w = windows.get(Objects.requireNonNull(bucket, "bucket"));
    Duration waited = Duration.ZERO;
    while (true) {
      Duration wait;
      synchronized (this) {
        wait = w.tryTake(clock.instant());
      }
      if (wait.isZero()) {
        return waited;
      }
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for HubSpot's rate limit", e);
      }
      waited = waited.plus(wait);
    }
  }

  /**
   * Holds a bucket after HubSpot answered 429: no request of it goes before {@code now + wait} (use
   * {@code Retry-After} when sent, else the bucket's window: 1 s for search, 10 s otherwise).
   *
   * @param bucket the limit HubSpot said was reached
   * @param wait how long to hold; null for the bucket's window
   */
  public synchronized void backOff(Bucket bucket, Duration wait) {
    Window w = windows.get(Objects.requireNonNull(bucket, "bucket"));
    Instant until = clock.instant().plus(wait == null ? w.length : wait);
    if (until.isAfter(w.heldUntil)) {
      w.heldUntil = until;
    }
  }

  @Override
  public String toString() {
    Window s = windows.get(Bucket.SEARCH);
    Window o = windows.get(Bucket.STANDARD);
    return "HubSpotRateLimiter[search " + s.max + "/1s, other " + o.max + "/" + o.length + "]";
  }

  /** Configures a {@link HubSpotRateLimiter}. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
    private int searchPerSecond = 5;
    private int standardMax = 100;
    private Duration standardWindow = Duration.ofSeconds(10);

    private Builder() {}

    /**
     * Searches per second; default 5 (HubSpot's per-account search limit).
     *
     * @param perSecond at least 1
     * @return this builder
     * @throws IllegalArgumentException when below 1
     */
    public Builder searchLimit(int perSecond) {
      this.searchPerSecond = positive(perSecond);
      return this;
    }

    /**
     * Other requests per rolling 10 seconds; default 100.
     *
     * @param perTenSeconds at least 1
     * @return this builder
     * @throws IllegalArgumentException when below 1
     */
    public Builder standardLimit(int perTenSeconds) {
      return standardLimit(perTenSeconds, Duration.ofSeconds(10));
    }

    /**
     * Other requests per rolling {@code window} (for a proxy or a portal with its own limit).
     *
     * @param requests at least 1
     * @param window a positive duration
     * @return this builder
     * @throws IllegalArgumentException when requests is below 1 or the window is not positive
     */
    public Builder standardLimit(int requests, Duration window) {
      if (window.isNegative() || window.isZero()) {
        throw new IllegalArgumentException("a rate-limit window must be positive: " + window);
      }
      this.standardMax = positive(requests);
      this.standardWindow = window;
      return this;
    }

    /**
     * The clock the windows run on; default the system clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How the limiter waits; default {@link Thread#sleep(long, int)}.
     *
     * @param sleeper the sleeper
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * The limiter.
     *
     * @return a new limiter
     */
    public HubSpotRateLimiter build() {
      return new HubSpotRateLimiter(this);
    }

    private static int positive(int v) {
      if (v < 1) {
        throw new IllegalArgumentException("a limit must be at least 1: " + v);
      }
      return v;
    }
  }
}
