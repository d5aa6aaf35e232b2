package io.github.csmkit.client.model;

import io.github.csmkit.client.error.Violation;
import io.github.csmkit.client.error.Violation.Rule;
import java.util.ArrayList;
import java.util.List;
import org.immutables.value.Value;

/**
 * The detail-value operations for one customer (in a {@link CustomerDetailBatch}, sent with {@code
 * customerId}) or one organization (in an {@link OrganizationDetailBatch}, sent with {@code
 * organizationId}).
 */
@Value.Immutable
@CsmStyle
public abstract class DetailUpdate implements BatchItem {
  DetailUpdate() {}

  /** The customer id or organization id whose details change. */
  public abstract String id();

  /** The operations, in the order they are sent. */
  public abstract List<DetailOperation> operations();

  /** The operations for the customer or organization with this id. */
  public static DetailUpdate of(String id, DetailOperation... operations) {
    return builder().id(id).addOperations(operations).build();
  }

  // computed once: the mapper, the engine's admission and the batch rules all ask
  @Value.Lazy
  @Override
  public List<Violation> violations() {
    List<Violation> out = new ArrayList<>();
    if (id().isBlank()) {
      out.add(Violation.of("id", Rule.IDENTIFIER_REQUIRED, "a detail update needs an id"));
    }
    if (operations().isEmpty()) {
      out.add(
          Violation.of("operations", Rule.VALUE_REQUIRED, "a detail update needs an operation"));
    }
    for (int i = 0; i < operations().size(); i++) {
      if (operations().get(i).payload().name().isBlank()) {
        out.add(
            Violation.of(
                "operations[" + i + "].payload.name",
                Rule.VALUE_REQUIRED,
                "a detail needs a name"));
      }
    }
    return List.copyOf(out);
  }

  @Override
  public List<String> keys() {
    return List.of(id());
  }

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link DetailUpdate}. */
  public static final class Builder extends ImmutableDetailUpdate.Builder {
    Builder() {}
  }
}
