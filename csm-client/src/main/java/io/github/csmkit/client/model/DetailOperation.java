package io.github.csmkit.client.model;

import org.immutables.value.Value;

/** One change to one detail field: {@code {"operationType":..,"payload":{"name","values"}}}. */
@Value.Immutable
@CsmStyle
public abstract class DetailOperation {
  DetailOperation() {}

  /** What the operation does: UPDATE, PATCH or DELETE. */
  public abstract DetailOperationType operationType();

  /** The field's name and the values the operation uses. */
  public abstract Detail payload();

  /** Sets the field's values. */
  public static DetailOperation update(String name, String... values) {
    return of(DetailOperationType.UPDATE, Detail.of(name, values));
  }

  /** Patches the field's values. */
  public static DetailOperation patch(String name, String... values) {
    return of(DetailOperationType.PATCH, Detail.of(name, values));
  }

  /** Removes the field's values. */
  public static DetailOperation delete(String name) {
    return of(DetailOperationType.DELETE, Detail.of(name));
  }

  /** An operation of this type with this payload. */
  public static DetailOperation of(DetailOperationType type, Detail payload) {
    return builder().operationType(type).payload(payload).build();
  }

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link DetailOperation}. */
  public static final class Builder extends ImmutableDetailOperation.Builder {
    Builder() {}
  }
}
