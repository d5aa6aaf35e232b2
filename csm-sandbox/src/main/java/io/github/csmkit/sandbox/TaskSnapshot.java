package io.github.csmkit.sandbox;

import java.time.Instant;
import java.util.List;

/**
 * A task as the sandbox sees it at the moment of the snapshot.
 *
 * @param tenant the tenant (cloud id, or {@code default})
 * @param id the task id
 * @param endpoint the bulk route that created it
 * @param type the task type reported on the wire
 * @param state its state now
 * @param createdAt when it was created
 * @param updatedAt when its state last changed
 * @param failures its failures (empty until it has finished)
 * @param idempotencyKey the key it was created with
 */
public record TaskSnapshot(
    String tenant,
    String id,
    Endpoint endpoint,
    String type,
    TaskState state,
    Instant createdAt,
    Instant updatedAt,
    List<FailureSnapshot> failures,
    String idempotencyKey) {
  /** Copies the list. */
  public TaskSnapshot {
    failures = List.copyOf(failures);
  }
}
