package io.github.csmkit.client.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A bulk task as last seen. Partial success is {@link TaskState#FINISHED} with failures; nothing in
 * the API lists the records that succeeded.
 */
@Value.Immutable
@CsmStyle
public abstract class TaskStatus {
  TaskStatus() {}

  /** The task's id. */
  public abstract String id();

  /** For example {@code BULK_CUSTOMER_PROFILE_CREATE_UPDATE}; an open set. */
  public abstract Optional<String> type();

  /** The task's state; UNKNOWN for a status this client does not know. */
  public abstract TaskState state();

  /** The status exactly as the server sent it, also when {@link #state()} is UNKNOWN. */
  public abstract String rawStatus();

  /** The records the task could not process, as the server listed them. */
  public abstract List<TaskFailure> failures();

  /**
   * The task's own message, when the server gives one ({@code message}, {@code error} or {@code
   * errorMessage} at the top level): why a {@link TaskState#FAILED} task failed.
   */
  public abstract Optional<String> message();

  /** {@code createdAt} (reference) or {@code createdDate} (guide). */
  public abstract Optional<Instant> createdAt();

  /** {@code updatedAt} (reference) or {@code completedDate} (guide). */
  public abstract Optional<Instant> updatedAt();

  /** True when the task will not change any more (FINISHED or FAILED). */
  public boolean isTerminal() {
    return state().isTerminal();
  }

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link TaskStatus}. */
  public static final class Builder extends ImmutableTaskStatus.Builder {
    Builder() {}
  }
}
