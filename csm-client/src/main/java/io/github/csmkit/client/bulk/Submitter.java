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
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The in-flight window and the one owner of back-pressure during an import. A batch takes a slot
 * ({@link Window}) before it is sent and gives it back when it settles; a task past its predicted
 * end lends its slot, so that the next batch goes out beside that task's poll instead of after it.
 * The client is told to leave the tenant's task limit and 429s to the engine ({@link
 * BackPressure#CALLER}), so that one loop paces the submits: each such answer pauses every submit
 * of the run (never the polls, which free slots) and resends the same batch with its key, until the
 * batch's deadline. A task-limit answer to a batch sent on a borrowed slot only means "not yet":
 * that batch alone is resent once its lender settles, with no pause and no backoff round.
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
  private final Window window;
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
    this.window = new Window(maxInFlight);
    this.stopped = stopped;
  }

  /**
   * Blocks until the batch holds a slot; false when the run stopped first.
   *
   * @throws InterruptedException if the producer is interrupted (a close)
   */
  boolean acquire(InFlightBatch<?, ?, B> batch) throws InterruptedException {
    if (!window.acquire(batch, stopped)) {
      return false;
    }
    if (stopped.getAsBoolean()) { // the batch that freed the slot may have stopped the job
      window.release(batch);
      return false;
    }
    return true;
  }

  /**
   * Lends the batch's slot once its task is predicted done ({@code predictedEnd}; never when null,
   * that is before any task was measured), so that the next batch goes out then, beside the poll.
   */
  // the sleep's chain ends in thenRun; a lend after the batch settled does nothing
  @SuppressWarnings("FutureReturnValueIgnored")
  void lendAt(InFlightBatch<?, ?, B> batch, @Nullable Instant predictedEnd) {
    if (predictedEnd != null) {
      sleeper
          .sleep(Duration.between(clock.instant(), predictedEnd))
          .thenRun(() -> window.lend(batch));
    }
  }

  /** Gives back the batch's slot (or its loan), if it holds one; once. */
  void release(InFlightBatch<?, ?, B> batch) {
    window.release(batch);
  }

  /** Slots free now. */
  int free() {
    return window.free();
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
    boolean early = window.borrowing(batch);
    batch.attemptAt = clock.instant();
    return endpoint
        .submitAsync(batch.body, batch.key, BackPressure.CALLER)
        .thenApply(
            task -> {
              if (early) {
                durations.earlySubmit(false);
              }
              return task;
            })
        .exceptionallyCompose(
            err -> {
              Throwable cause = Failures.unwrap(err);
              if (early && cause instanceof TaskLimitReachedException) {
                durations.earlySubmit(true);
              }
              if (early && cause instanceof TaskLimitReachedException && !givingUp(batch)) {
                LOG.log(
                    System.Logger.Level.DEBUG,
                    "batch {0}: sent on a borrowed slot too early; resent when its lender ends",
                    batch.number);
                return window.whenOwned(batch).thenCompose(x -> submit(batch, round));
              }
              Duration delay = retryDelay(batch, cause, round);
              if (delay == null) {
                return CompletableFuture.failedFuture(cause);
              }
              return sleeper.sleep(delay).thenCompose(x -> submit(batch, round + 1));
            });
  }

  private boolean givingUp(InFlightBatch<?, ?, B> batch) {
    return stopped.getAsBoolean() || batch.settled.get() || clock.instant().isAfter(batch.deadline);
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
