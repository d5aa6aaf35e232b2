package io.github.csmkit.client.bulk;

import io.github.csmkit.client.Sleeper;
import io.github.csmkit.client.Tasks;
import io.github.csmkit.client.error.ForbiddenException;
import io.github.csmkit.client.error.NotFoundException;
import io.github.csmkit.client.error.UnauthorizedException;
import io.github.csmkit.client.model.BatchItem;
import io.github.csmkit.client.model.SubmittedTask;
import io.github.csmkit.client.model.TaskStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Follows a batch's task to its end: polls when the task is likely done (the learned durations),
 * then more often, until the batch's deadline; a task that ends becomes a {@link BatchEnd} through
 * {@link FailureAttribution}, one not seen to end an UNRESOLVED end with its task id.
 */
final class TaskFollower {
  private final Tasks tasks;
  private final Sleeper sleeper;
  private final Clock clock;
  private final TaskDurations durations;
  private final Duration maxTaskWait;
  private final BooleanSupplier stopped;
  private final Consumer<Throwable> onError;

  /**
   * @param onError sees every failed poll first (to stop the run on a fatal one)
   */
  TaskFollower(
      Tasks tasks,
      Sleeper sleeper,
      Clock clock,
      TaskDurations durations,
      Duration maxTaskWait,
      BooleanSupplier stopped,
      Consumer<Throwable> onError) {
    this.tasks = tasks;
    this.sleeper = sleeper;
    this.clock = clock;
    this.durations = durations;
    this.maxTaskWait = maxTaskWait;
    this.stopped = stopped;
    this.onError = onError;
  }

  /** The wait from a submit to its task's first poll. */
  Duration firstPoll() {
    return durations.firstPoll();
  }

  /**
   * When a task whose submit went out at {@code sent} is predicted to end; null before any ended.
   */
  @Nullable Instant predictedEnd(Instant sent) {
    return durations.predictedEnd(sent);
  }

  /**
   * The batch's end, after a first poll {@code delay} from now; null when the batch was settled
   * meanwhile by someone else (a close).
   */
  CompletableFuture<BatchEnd> follow(
      InFlightBatch<?, ? extends BatchItem, ?> batch, SubmittedTask task, Duration delay) {
    CompletableFuture<BatchEnd> end = new CompletableFuture<>();
    poll(batch, task, delay, end);
    return end;
  }

  // each poll's chain ends in whenComplete, which completes the end or polls again: no nesting
  @SuppressWarnings("FutureReturnValueIgnored")
  private void poll(
      InFlightBatch<?, ? extends BatchItem, ?> batch,
      SubmittedTask task,
      Duration delay,
      CompletableFuture<BatchEnd> end) {
    sleeper
        .sleep(delay)
        .thenCompose(x -> tasks.getAsync(task))
        .whenComplete(
            (status, err) -> {
              try {
                BatchEnd e = next(batch, task, status, err);
                if (e != null || batch.settled.get()) {
                  end.complete(e);
                } else {
                  poll(batch, task, durations.pollInterval(), end);
                }
              } catch (RuntimeException e) {
                end.completeExceptionally(e);
              }
            });
  }

  /** The end this answer shows, or null to poll again. */
  private @Nullable BatchEnd next(
      InFlightBatch<?, ? extends BatchItem, ?> batch,
      SubmittedTask task,
      @Nullable TaskStatus status,
      @Nullable Throwable err) {
    if (batch.settled.get()) {
      return null;
    }
    Instant now = clock.instant();
    if (err != null) {
      Throwable cause = Failures.unwrap(err);
      onError.accept(cause);
      if (cause instanceof NotFoundException
          || cause instanceof UnauthorizedException
          || cause instanceof ForbiddenException
          || now.isAfter(batch.deadline)
          || stopped.getAsBoolean()) {
        return BatchEnd.unresolved(
            "checking task " + task.id() + " failed: " + Failures.describe(cause));
      }
      return null;
    }
    if (status == null) { // neither an answer nor an error: poll again
      return null;
    }
    if (status.isTerminal()) {
      Instant sentAt = batch.submittedAt;
      if (!batch.resumed && sentAt != null) {
        durations.learn(sentAt, now, status);
      }
      List<? extends BatchItem> items =
          batch.items.stream().map(Pending::operation).collect(Collectors.toList());
      return FailureAttribution.attribute(items, status, now);
    }
    if (now.isAfter(batch.deadline)) {
      return BatchEnd.unresolved(
          "task "
              + task.id()
              + " was still "
              + status.rawStatus()
              + " after "
              + maxTaskWait
              + "; check it later with its id");
    }
    return null;
  }
}
