package io.github.csmkit.client.model;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * One record that a task could not process. The API reference identifies it by {@code entityId}
 * (the record's id, or its email or name when it had none yet); the guide by {@code index}. Either
 * may be absent.
 */
@Value.Immutable
@CsmStyle
public abstract class TaskFailure {
  TaskFailure() {}

  /** The record's index in its batch, when the server gives one (the guide's shape). */
  public abstract OptionalInt index();

  /** For example {@code CUSTOMER} or {@code ORGANIZATION}. */
  public abstract Optional<String> entity();

  /** The id, email or name of the record that failed. */
  public abstract Optional<String> entityId();

  /** The operation that failed, for example {@code CREATE}. */
  public abstract Optional<String> operation();

  /** What the operation acted on, for example {@code CUSTOMER_ACCOUNT}. */
  public abstract Optional<String> operatedOn();

  /** The ids or names the failure concerns, for example a detail field's name. */
  public abstract List<String> operatedOnIds();

  /** What went wrong ({@code error} in the reference, {@code message} in the guide). */
  public abstract String message();

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link TaskFailure}. */
  public static final class Builder extends ImmutableTaskFailure.Builder {
    Builder() {}
  }
}
