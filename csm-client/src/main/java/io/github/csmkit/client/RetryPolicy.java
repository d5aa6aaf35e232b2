package io.github.csmkit.client;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how long the client waits before trying a request again. Retried: I/O errors and
 * timeouts, 408, 429, 500, 502, 503, 504, and 400 "Maximum number of tasks reached". Each wait is
 * the server's {@code Retry-After} when it sent one (up to {@link #maxRetryAfter()}, beyond which
 * the call fails at once with the wait in the exception), else exponential backoff with jitter. A
 * bulk POST keeps its {@code Idempotency-Key} on every attempt, so retrying cannot duplicate data.
 *
 * <p>Defaults: 6 attempts, 500 ms initial backoff doubling up to 30 s, 20% jitter, {@code
 * Retry-After} honoured up to 60 s.
 */
public final class RetryPolicy {
  private static final RetryPolicy DEFAULTS = builder().build();

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final double multiplier;
  private final double jitter;
  private final Duration maxRetryAfter;
  private final Backoff backoff;

  private RetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.multiplier = b.multiplier;
    this.jitter = b.jitter;
    this.maxRetryAfter = b.maxRetryAfter;
    this.backoff = Backoff.exponential(initialBackoff, multiplier, maxBackoff, jitter);
  }

  /**
   * The default policy: 6 attempts, 500 ms initial backoff doubling up to 30 s, 20% jitter, {@code
   * Retry-After} honoured up to 60 s.
   */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** One attempt, no retries. */
  public static RetryPolicy none() {
    return builder().maxAttempts(1).build();
  }

  /** A builder that starts from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from this policy's values. */
  public Builder toBuilder() {
    return new Builder()
        .maxAttempts(maxAttempts)
        .initialBackoff(initialBackoff)
        .maxBackoff(maxBackoff)
        .multiplier(multiplier)
        .jitter(jitter)
        .maxRetryAfter(maxRetryAfter);
  }

  /** Attempts in all, the first included. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** The backoff before the first retry. */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /** The longest backoff between two attempts. */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /** How much each backoff grows over the one before. */
  public double multiplier() {
    return multiplier;
  }

  /** The largest fraction taken off a backoff at random (0 = exact waits). */
  public double jitter() {
    return jitter;
  }

  /** The longest {@code Retry-After} the client waits for on its own. */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /**
   * The backoff before retry number {@code retry} (1 for the first retry): {@code initial ×
   * multiplier^(retry-1)}, capped, minus up to {@code jitter} of it.
   *
   * @param random a number in [0, 1)
   */
  public Duration backoff(int retry, double random) {
    return backoff.delay(retry, random);
  }

  /** The backoff between attempts as one value: initial, multiplier, cap and jitter. */
  public Backoff backoff() {
    return backoff;
  }

  @Override
  public String toString() {
    return "RetryPolicy[maxAttempts="
        + maxAttempts
        + ", initialBackoff="
        + initialBackoff
        + ", maxBackoff="
        + maxBackoff
        + ", multiplier="
        + multiplier
        + ", jitter="
        + jitter
        + ", maxRetryAfter="
        + maxRetryAfter
        + "]";
  }

  /** Builds a {@link RetryPolicy}; every setter checks its argument. */
  public static final class Builder {
    private int maxAttempts = 6;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(30);
    private double multiplier = 2.0;
    private double jitter = 0.2;
    private Duration maxRetryAfter = Duration.ofSeconds(60);

    private Builder() {}

    /**
     * Attempts in all, the first included; default 6.
     *
     * @throws IllegalArgumentException if below 1
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * The backoff before the first retry; default 500 ms.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = nonNegative(initialBackoff, "initialBackoff");
      return this;
    }

    /**
     * The longest backoff between two attempts; default 30 s.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = nonNegative(maxBackoff, "maxBackoff");
      return this;
    }

    /**
     * How much each backoff grows over the one before; default 2.
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
     * The share of each backoff that is random, so that many clients do not retry in step; default
     * 0.2.
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
     * The longest {@code Retry-After} the client waits for on its own; a longer one fails the call
     * at once. Default 60 s.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = nonNegative(maxRetryAfter, "maxRetryAfter");
      return this;
    }

    /**
     * Sets initial backoff, multiplier, cap and jitter at once.
     *
     * @throws NullPointerException if {@code backoff} is null
     */
    public Builder backoff(Backoff backoff) {
      Objects.requireNonNull(backoff, "backoff");
      return initialBackoff(backoff.initial())
          .multiplier(backoff.multiplier())
          .maxBackoff(backoff.max())
          .jitter(backoff.jitter());
    }

    /** The policy with the values set so far. */
    public RetryPolicy build() {
      return new RetryPolicy(this);
    }
  }

  static Duration nonNegative(Duration d, String name) {
    return Backoff.nonNegative(d, name);
  }
}
