package io.github.csmkit.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How a task is awaited: the first poll after {@link #initialDelay()}, each next one {@link
 * #multiplier()} times later up to {@link #maxDelay()}, minus up to {@link #jitter()} at random; a
 * {@code Retry-After} on a poll's answer is honoured; after {@link #maxWait()} the wait ends with a
 * {@link io.github.csmkit.client.TaskTimeoutException} carrying the last status seen.
 *
 * <p>Defaults: 1 s, ×1.5, at most 10 s, 10% jitter, 15 minutes in all (tasks stuck for 30 minutes
 * count as timed out on the server).
 */
public final class PollPolicy {
  private static final PollPolicy DEFAULTS = builder().build();

  private final Duration initialDelay;
  private final double multiplier;
  private final Duration maxDelay;
  private final double jitter;
  private final Duration maxWait;
  private final Backoff backoff;

  private PollPolicy(Builder b) {
    this.initialDelay = b.initialDelay;
    this.multiplier = b.multiplier;
    this.maxDelay = b.maxDelay;
    this.jitter = b.jitter;
    this.maxWait = b.maxWait;
    this.backoff = Backoff.exponential(initialDelay, multiplier, maxDelay, jitter);
  }

  /** The default policy: 1 s, ×1.5, at most 10 s, 10% jitter, 15 minutes in all. */
  public static PollPolicy defaults() {
    return DEFAULTS;
  }

  /** A builder that starts from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from this policy's values. */
  public Builder toBuilder() {
    return new Builder()
        .initialDelay(initialDelay)
        .multiplier(multiplier)
        .maxDelay(maxDelay)
        .jitter(jitter)
        .maxWait(maxWait);
  }

  /** The wait before the first poll. */
  public Duration initialDelay() {
    return initialDelay;
  }

  /** How much each pause grows over the one before. */
  public double multiplier() {
    return multiplier;
  }

  /** The longest pause between two polls. */
  public Duration maxDelay() {
    return maxDelay;
  }

  /** The largest fraction taken off a pause at random (0 = exact pauses). */
  public double jitter() {
    return jitter;
  }

  /**
   * The longest wait in all, after which the wait fails with a {@link
   * io.github.csmkit.client.TaskTimeoutException}.
   */
  public Duration maxWait() {
    return maxWait;
  }

  /**
   * The delay before poll number {@code poll} (0 for the first).
   *
   * @param random a number in [0, 1)
   */
  public Duration delay(int poll, double random) {
    return backoff.delay(poll + 1, random);
  }

  /** The pauses between polls as one value; its attempt 1 is this policy's poll 0. */
  public Backoff backoff() {
    return backoff;
  }

  @Override
  public String toString() {
    return "PollPolicy[initialDelay="
        + initialDelay
        + ", multiplier="
        + multiplier
        + ", maxDelay="
        + maxDelay
        + ", jitter="
        + jitter
        + ", maxWait="
        + maxWait
        + "]";
  }

  /** Builds a {@link PollPolicy}; every setter checks its argument. */
  public static final class Builder {
    private Duration initialDelay = Duration.ofSeconds(1);
    private double multiplier = 1.5;
    private Duration maxDelay = Duration.ofSeconds(10);
    private double jitter = 0.1;
    private Duration maxWait = Duration.ofMinutes(15);

    private Builder() {}

    /**
     * The wait before the first poll; default 1 s.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder initialDelay(Duration initialDelay) {
      this.initialDelay = RetryPolicy.nonNegative(initialDelay, "initialDelay");
      return this;
    }

    /**
     * How much each pause grows over the one before; default 1.5.
     *
     * @throws IllegalArgumentException if below 1
     */
    public Builder multiplier(double multiplier) {
      if (!(multiplier >= 1.0)) {
        throw new IllegalArgumentException("multiplier must be at least 1, was " + multiplier);
      }
      this.multiplier = multiplier;
      return this;
    }

    /**
     * The longest pause between two polls; default 10 s.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder maxDelay(Duration maxDelay) {
      this.maxDelay = RetryPolicy.nonNegative(maxDelay, "maxDelay");
      return this;
    }

    /**
     * The share of each pause that is random, so that many waiters do not poll in step; default
     * 0.1.
     *
     * @throws IllegalArgumentException if outside [0, 1]
     */
    public Builder jitter(double jitter) {
      if (!(jitter >= 0.0 && jitter <= 1.0)) {
        throw new IllegalArgumentException("jitter must be within [0, 1], was " + jitter);
      }
      this.jitter = jitter;
      return this;
    }

    /**
     * The longest wait in all; default 15 minutes.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder maxWait(Duration maxWait) {
      this.maxWait = RetryPolicy.nonNegative(maxWait, "maxWait");
      return this;
    }

    /**
     * Sets initial delay, multiplier, cap and jitter at once.
     *
     * @throws NullPointerException if {@code backoff} is null
     */
    public Builder backoff(Backoff backoff) {
      Objects.requireNonNull(backoff, "backoff");
      return initialDelay(backoff.initial())
          .multiplier(backoff.multiplier())
          .maxDelay(backoff.max())
          .jitter(backoff.jitter());
    }

    /** The policy with the values set so far. */
    public PollPolicy build() {
      return new PollPolicy(this);
    }
  }
}
