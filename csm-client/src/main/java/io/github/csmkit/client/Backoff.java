package io.github.csmkit.client;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An exponential backoff with a cap and proportional jitter; immutable. The delay before attempt
 * {@code n} is {@code initial × multiplier^(n-1)}, capped at {@code max}, minus up to {@code
 * jitter} of it at random. One vocabulary for request retries ({@link RetryPolicy}), task polls
 * ({@link PollPolicy}), the import engine's back-pressure and the HubSpot client.
 */
public final class Backoff {
  private final Duration initial;
  private final double multiplier;
  private final Duration max;
  private final double jitter;

  private Backoff(Duration initial, double multiplier, Duration max, double jitter) {
    this.initial = nonNegative(initial, "initial");
    this.max = nonNegative(max, "max");
    if (!(multiplier >= 1.0)) {
      throw new IllegalArgumentException("multiplier must be at least 1, was " + multiplier);
    }
    if (!(jitter >= 0.0 && jitter <= 1.0)) {
      throw new IllegalArgumentException("jitter must be within [0, 1], was " + jitter);
    }
    this.multiplier = multiplier;
    this.jitter = jitter;
  }

  /**
   * A backoff that starts at {@code initial} and grows by {@code multiplier} up to {@code max},
   * each delay shortened by up to {@code jitter} of itself at random.
   *
   * @throws NullPointerException if a duration is null
   * @throws IllegalArgumentException if a duration is negative, the multiplier below 1 or the
   *     jitter outside [0, 1]
   */
  public static Backoff exponential(
      Duration initial, double multiplier, Duration max, double jitter) {
    return new Backoff(initial, multiplier, max, jitter);
  }

  /**
   * The same delay every time, without jitter.
   *
   * @throws NullPointerException if {@code delay} is null
   * @throws IllegalArgumentException if {@code delay} is negative
   */
  public static Backoff fixed(Duration delay) {
    return new Backoff(delay, 1.0, delay, 0.0);
  }

  /** The delay before the first attempt. */
  public Duration initial() {
    return initial;
  }

  /** How much each delay grows over the one before (at least 1). */
  public double multiplier() {
    return multiplier;
  }

  /** The longest delay. */
  public Duration max() {
    return max;
  }

  /** The largest fraction taken off a delay at random (0 = exact delays). */
  public double jitter() {
    return jitter;
  }

  /**
   * The delay before retry (or poll) number {@code attempt} (1-based).
   *
   * @param attempt 1 for the first retry; values below 1 count as 1
   * @param random a number in [0, 1), the share of the jitter taken off
   */
  public Duration delay(int attempt, double random) {
    double millis = initial.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
    millis = Math.min(millis, (double) max.toMillis());
    millis = millis * (1.0 - jitter * random);
    return Duration.ofMillis(Math.round(millis));
  }

  /** The delay before retry (or poll) number {@code attempt} (1-based), with a random jitter. */
  public Duration delay(int attempt) {
    return delay(attempt, jitter == 0.0 ? 0.0 : ThreadLocalRandom.current().nextDouble());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Backoff b
        && initial.equals(b.initial)
        && max.equals(b.max)
        && Double.compare(multiplier, b.multiplier) == 0
        && Double.compare(jitter, b.jitter) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(initial, multiplier, max, jitter);
  }

  @Override
  public String toString() {
    return "Backoff[initial="
        + initial
        + ", multiplier="
        + multiplier
        + ", max="
        + max
        + ", jitter="
        + jitter
        + "]";
  }

  static Duration nonNegative(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, was " + d);
    }
    return d;
  }
}
