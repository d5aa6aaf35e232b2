package io.github.csmkit.client.bulk;

import io.github.csmkit.client.BackPressure;
import io.github.csmkit.client.BulkEndpoint;
import io.github.csmkit.client.Sleeper;
import io.github.csmkit.client.error.CsmServiceException;
import io.github.csmkit.client.error.InvalidResponseException;
import io.github.csmkit.client.error.RateLimitedException;
import io.github.csmkit.client.error.TaskLimitReachedException;
import io.github.csmkit.client.model.Batch;
import io.github.csmkit.client.model.SubmittedTask;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The in-flight window and the one owner of back-pressure during an import. A batch takes a slot
 * before it is sent and gives it back when it settles. The client is told to leave the tenant's
 * task limit and 429s to the engine ({@link BackPressure#CALLER}), so that one loop paces the
 * submits: each such answer pauses every submit of the run (never the polls, which free slots) and
 * resends the same batch with its key, until the batch's deadline.
 *
 * @param <B> the batch type
 */
final class Submitter<B extends Batch<?>> {
  private static final System.Logger LOG = System.getLogger("io.github.csmkit.client.bulk");

  private final BulkEndpoint<B> endpoint;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration maxRetryAfter;
  private final TaskDurations durations;
  private final Semaphore window;
  private final BooleanSupplier stopped;
  private volatile Instant pauseUntil = Instant.MIN;

  Submitter(
      BulkEndpoint<B> endpoint,
      Clock clock,
      Sleeper sleeper,
      Duration maxRetryAfter,
      TaskDurations durations,
      int maxInFlight,
      BooleanSupplier stopped) {
    this.endpoint = endpoint;
    this.clock = clock;
    this.sleeper = sleeper;
    this.maxRetryAfter = maxRetryAfter;
    this.durations = durations;
    this.window = new Semaphore(maxInFlight);
    this.stopped = stopped;
  }

  /**
   * Blocks until the batch holds a slot; false when the run stopped first.
   *
   * @throws InterruptedException if the producer is interrupted (a close)
   */
  boolean acquire(InFlightBatch<?, ?, B> batch) throws InterruptedException {
    while (!stopped.getAsBoolean()) {
      if (window.tryAcquire(50, TimeUnit.MILLISECONDS)) {
        if (stopped.getAsBoolean()) { // the batch that freed the slot may have stopped the job
          window.release();
          return false;
        }
        batch.holdsSlot = true;
        return true;
      }
    }
    return false;
  }

  /** Gives back the batch's slot, if it holds one; once. */
  void release(InFlightBatch<?, ?, B> batch) {
    if (batch.holdsSlot) {
      batch.holdsSlot = false;
      window.release();
    }
  }

  /** Slots free now. */
  int free() {
    return window.availablePermits();
  }

  /**
   * Waits out a pause the server asked for, before a new batch goes out.
   *
   * @throws InterruptedException if the producer is interrupted (a close)
   */
  void awaitPause() throws InterruptedException {
    Duration wait = Duration.between(clock.instant(), pauseUntil);
    if (!wait.isNegative() && !wait.isZero()) {
      try {
        sleeper.sleep(wait).get();
      } catch (ExecutionException e) {
        // a sleeper that failed: go on without the rest of the pause
      }
    }
  }

  /**
   * Submits the batch with its key, resending it after back-pressure or an unreadable answer (the
   * key makes that safe: the server answers with the task it made) until its deadline.
   */
  CompletableFuture<SubmittedTask> submit(InFlightBatch<?, ?, B> batch) {
    return submit(batch, 0);
  }

  private CompletableFuture<SubmittedTask> submit(InFlightBatch<?, ?, B> batch, int round) {
    return endpoint
        .submitAsync(batch.body, batch.key, BackPressure.CALLER)
        .exceptionallyCompose(
            err -> {
              Throwable cause = Failures.unwrap(err);
              Duration delay = retryDelay(batch, cause, round);
              if (delay == null) {
                return CompletableFuture.failedFuture(cause);
              }
              return sleeper.sleep(delay).thenCompose(x -> submit(batch, round + 1));
            });
  }

  /** The wait before resending, or null to give up with {@code cause}. */
  private @Nullable Duration retryDelay(InFlightBatch<?, ?, B> batch, Throwable cause, int round) {
    boolean pushBack =
        cause instanceof TaskLimitReachedException || cause instanceof RateLimitedException;
    boolean unreadable = cause instanceof InvalidResponseException;
    if (!(pushBack || unreadable)
        || stopped.getAsBoolean()
        || clock.instant().isAfter(batch.deadline)) {
      return null;
    }
    if (unreadable) {
      LOG.log(
          System.Logger.Level.DEBUG,
          "batch {0}: unreadable answer; resending it with its key",
          batch.number);
      return durations.backPressureDelay(round);
    }
    Duration asked =
        ((CsmServiceException) cause).retryAfter().orElse(durations.backPressureDelay(round));
    // never longer than the client's Retry-After cap, never past the batch's deadline
    Duration delay = asked.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : asked;
    Instant until = clock.instant().plus(delay);
    if (until.isAfter(batch.deadline)) {
      return null;
    }
    if (until.isAfter(pauseUntil)) {
      pauseUntil = until;
    }
    LOG.log(
        System.Logger.Level.DEBUG,
        "batch {0}: {1}; the job pauses {2} ms",
        batch.number,
        cause instanceof TaskLimitReachedException ? "tenant task limit reached" : "rate limited",
        delay.toMillis());
    return delay;
  }
}
