package io.github.csmkit.client.bulk;

import io.github.csmkit.client.Backoff;
import io.github.csmkit.client.model.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Learns how long tasks take, so that each is polled when it is likely done: a tenant slot whose
 * task has finished but not been polled is wasted. The estimate is an exponentially weighted mean
 * of the server's own {@code createdAt → updatedAt} when it gives both, else of the time from
 * submit to the poll that saw the end. Until the first task ends, polls come every quarter of the
 * initial guess.
 */
final class TaskDurations {
  private static final double WEIGHT = 0.3;
  private static final Duration MAX_BACK_PRESSURE = Duration.ofSeconds(30);

  private final Duration initial;
  private final Duration minInterval;
  private final Duration maxInterval;
  private double estimateNanos;
  private boolean measured;
  // how long after the predicted end a slot is lent: learned from the early submits' answers
  private double lendDelayNanos;

  TaskDurations(Duration initial, Duration minInterval, Duration maxInterval) {
    this.initial = initial;
    this.minInterval = minInterval;
    this.maxInterval = maxInterval;
    this.estimateNanos = initial.toNanos();
  }

  /** The wait from submit to the first poll: the estimate, once measured. */
  synchronized Duration firstPoll() {
    return measured ? Duration.ofNanos((long) estimateNanos) : pollInterval();
  }

  /**
   * When a task whose submit went out at {@code sent} is predicted to end: {@code sent} plus the
   * estimate; null until a task has been measured. The server makes the task a little after {@code
   * sent}, so a submit sent at this instant arrives about when the slot frees (measured: earlier
   * than the midpoint of the round trip gave about 25 % "not yet" answers and a shorter cycle).
   */
  synchronized @Nullable Instant predictedEnd(Instant sent) {
    return measured ? sent.plusNanos((long) (estimateNanos + lendDelayNanos)) : null;
  }

  /**
   * Learns from an early submit's answer (one sent on a lent slot): a refusal ("Maximum number of
   * tasks reached") lends later by a fiftieth of a task, an acceptance earlier by an eighth of
   * that, never before the estimate nor more than a quarter of a task after it. So about one early
   * submit in nine is refused, whatever the latency between this machine and the server: each
   * refusal costs a request and its slot's cycle, each late lend a little of every cycle.
   */
  synchronized void earlySubmit(boolean refused) {
    double step = estimateNanos / 50;
    lendDelayNanos =
        refused
            ? Math.min(estimateNanos / 4, lendDelayNanos + step)
            : Math.max(0, lendDelayNanos - step / 8);
  }

  /** The wait between polls of a task that was not done: a tenth of the estimate, bounded. */
  synchronized Duration pollInterval() {
    long nanos = measured ? (long) (estimateNanos / 10) : initial.toNanos() / 4;
    return clamp(Duration.ofNanos(nanos), minInterval, maxInterval);
  }

  /**
   * The pause after the tenant's task limit: half a task, doubling with each round, at most 30 s.
   */
  synchronized Duration backPressureDelay(int round) {
    Duration base = clamp(Duration.ofNanos((long) (estimateNanos / 2)), minInterval, maxInterval);
    Backoff backoff = Backoff.exponential(base, 2.0, MAX_BACK_PRESSURE, 0.0);
    return clamp(backoff.delay(round + 1), minInterval, MAX_BACK_PRESSURE);
  }

  synchronized void learn(Instant submittedAt, Instant seenDone, TaskStatus status) {
    Duration sample = Duration.between(submittedAt, seenDone);
    if (status.createdAt().isPresent() && status.updatedAt().isPresent()) {
      Duration server = Duration.between(status.createdAt().get(), status.updatedAt().get());
      if (!server.isNegative() && server.compareTo(sample) <= 0) {
        sample = server;
      }
    }
    if (measured) {
      estimateNanos = (1 - WEIGHT) * estimateNanos + WEIGHT * sample.toNanos();
    } else {
      estimateNanos = sample.toNanos();
      measured = true;
    }
  }

  synchronized Duration estimate() {
    return Duration.ofNanos((long) estimateNanos);
  }

  private static Duration clamp(Duration d, Duration min, Duration max) {
    return d.compareTo(min) < 0 ? min : d.compareTo(max) > 0 ? max : d;
  }
}
