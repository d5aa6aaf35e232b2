package io.github.csmkit.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that moves only when told to, so that tests can walk tasks through their states
 * without sleeping. Thread-safe.
 */
public final class ManualClock extends Clock {
  /** Where a clock made with {@link #ManualClock()} starts. */
  public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  /** A clock at {@link #DEFAULT_START}, in UTC. */
  public ManualClock() {
    this(DEFAULT_START);
  }

  /**
   * A clock at the given instant, in UTC.
   *
   * @param start the first instant the clock shows
   * @throws NullPointerException if {@code start} is null
   */
  public ManualClock(Instant start) {
    this(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
  }

  private ManualClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /**
   * Moves the clock forward.
   *
   * @param amount how far; must not be negative
   * @return this clock
   * @throws IllegalArgumentException if {@code amount} is negative
   */
  public ManualClock advance(Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("a clock cannot go back: " + amount);
    }
    now.updateAndGet(t -> t.plus(amount));
    return this;
  }

  /**
   * Sets the clock to an instant (which may be earlier than now).
   *
   * @param instant the new time
   * @return this clock
   */
  public ManualClock set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant"));
    return this;
  }

  /** {@inheritDoc} */
  @Override
  public Instant instant() {
    return now.get();
  }

  /** {@inheritDoc} */
  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** {@inheritDoc} A view that shares this clock's time. */
  @Override
  public Clock withZone(ZoneId zone) {
    return new ManualClock(now, zone);
  }
}
