package io.github.csmkit.sandbox;

/** The states of a bulk task, as the sandbox reports them on {@code GET /api/v1/tasks/{id}}. */
public enum TaskState {
  /** Queued: created less than {@code queuedFor} ago. */
  NOT_STARTED,
  /** Running: started less than {@code runsFor} ago, or stuck by a fault. */
  IN_PROGRESS,
  /** Done; its records have been applied and its failures are final. */
  FINISHED,
  /** Failed as a whole (injected with {@link Fault#taskFailed(String)}); nothing was applied. */
  FAILED;

  /** Whether the task counts toward the tenant's task limit. */
  boolean unfinished() {
    return this == NOT_STARTED || this == IN_PROGRESS;
  }
}
