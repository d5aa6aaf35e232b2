package io.github.csmkit.client.bulk;

import io.github.csmkit.client.SerializedBatch;
import io.github.csmkit.client.bulk.ImportReport.BatchLog;
import io.github.csmkit.client.model.Batch;
import io.github.csmkit.client.model.IdempotencyKey;
import io.github.csmkit.client.model.SubmittedTask;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/** A batch from the moment it is built until it is settled, exactly once. */
final class InFlightBatch<R, O, B extends Batch<?>> {
  final int number;
  final List<Pending<R, O>> items;
  final SerializedBatch<B> body;
  final IdempotencyKey key;
  final AtomicBoolean settled = new AtomicBoolean();
  volatile boolean sent;
  volatile boolean holdsSlot;
  Window.@Nullable Slot slot; // guarded by the window's lock
  volatile boolean resumed;
  volatile @Nullable Instant submittedAt;
  volatile @Nullable Instant attemptAt; // when the last submit attempt went out
  volatile Instant deadline = Instant.MAX;
  volatile @Nullable SubmittedTask task;

  InFlightBatch(
      int number, List<Pending<R, O>> items, SerializedBatch<B> body, IdempotencyKey key) {
    this.number = number;
    this.items = items;
    this.body = body;
    this.key = key;
  }

  Optional<String> taskId() {
    return Optional.ofNullable(task).map(SubmittedTask::id);
  }

  /** The batch's log entry with this status. */
  BatchLog log(String status, int failureCount, Optional<Instant> completedAt, Instant now) {
    Instant at = submittedAt;
    return new BatchLog(
        number,
        at == null ? now : at,
        items.size(),
        taskId(),
        key.value(),
        Optional.ofNullable(task).flatMap(SubmittedTask::statusUrl),
        status,
        failureCount,
        completedAt);
  }
}
