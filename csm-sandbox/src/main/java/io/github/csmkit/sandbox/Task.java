package io.github.csmkit.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/** One bulk task. Its state is computed from the clock; guarded by its tenant's lock. */
final class Task {
  final String id;
  final String tenant;
  final Endpoint endpoint;
  final String key;
  final byte[] digest;
  final Instant createdAt;
  final Instant startAt;
  final Instant finishAt;
  final boolean stuck;
  final String failMessage;
  JsonNode body;
  boolean settled;
  List<FailureSnapshot> failures = List.of();

  Task(
      String id,
      String tenant,
      Endpoint endpoint,
      String key,
      byte[] digest,
      JsonNode body,
      Instant createdAt,
      Instant startAt,
      Instant finishAt,
      boolean stuck,
      String failMessage) {
    this.id = id;
    this.tenant = tenant;
    this.endpoint = endpoint;
    this.key = key;
    this.digest = digest;
    this.body = body;
    this.createdAt = createdAt;
    this.startAt = startAt;
    this.finishAt = finishAt;
    this.stuck = stuck;
    this.failMessage = failMessage;
  }

  TaskState state(Instant now) {
    if (now.isBefore(startAt)) {
      return TaskState.NOT_STARTED;
    }
    if (stuck || now.isBefore(finishAt)) {
      return TaskState.IN_PROGRESS;
    }
    return failMessage == null ? TaskState.FINISHED : TaskState.FAILED;
  }

  Instant updatedAt(Instant now) {
    switch (state(now)) {
      case NOT_STARTED:
        return createdAt;
      case IN_PROGRESS:
        return startAt;
      default:
        return finishAt;
    }
  }

  TaskSnapshot snapshot(Instant now) {
    return new TaskSnapshot(
        tenant,
        id,
        endpoint,
        endpoint.taskType(),
        state(now),
        createdAt,
        updatedAt(now),
        failures,
        key);
  }
}
