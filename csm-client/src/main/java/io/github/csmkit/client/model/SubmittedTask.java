package io.github.csmkit.client.model;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * The server's answer to a bulk submit: the task's id, where to poll it, and the idempotency key
 * the batch was sent with (keep it: resubmitting the same batch with it cannot duplicate anything).
 */
@Value.Immutable
@CsmStyle
public abstract class SubmittedTask {
  SubmittedTask() {}

  /** The task's id. */
  public abstract String id();

  /** The {@code statusUrl} as the server gave it: relative to the base, or absolute. */
  public abstract Optional<String> statusUrl();

  /** The idempotency key the batch was sent with. */
  public abstract IdempotencyKey idempotencyKey();

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link SubmittedTask}. */
  public static final class Builder extends ImmutableSubmittedTask.Builder {
    Builder() {}
  }
}
