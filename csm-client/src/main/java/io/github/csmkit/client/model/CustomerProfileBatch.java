package io.github.csmkit.client.model;

import io.github.csmkit.client.error.Violation.Rule;
import java.util.List;
import org.immutables.value.Value;

/**
 * The body of {@code POST /api/v1/customer/profile/bulk}: 1 to 50 operations, each valid on its
 * own, with no email used twice.
 */
@Value.Immutable
@CsmStyle
public abstract class CustomerProfileBatch implements Batch<CustomerProfileOperation> {
  CustomerProfileBatch() {}

  /** The operations, in the order they are sent. */
  public abstract List<CustomerProfileOperation> operations();

  @Override
  public List<CustomerProfileOperation> items() {
    return operations();
  }

  @Value.Check
  void check() {
    Rules.checkBatch(
        "CustomerProfileBatch",
        operations(),
        new Rules.Uniqueness<>("payload.email", Rule.DUPLICATE_EMAIL, op -> op.payload().email()),
        new Rules.Uniqueness<>(
            "payload.customerId", Rule.DUPLICATE_ID, op -> op.payload().customerId()));
  }

  /** A batch of the given operations; throws if they break a rule. */
  public static CustomerProfileBatch of(List<CustomerProfileOperation> operations) {
    return builder().operations(operations).build();
  }

  /**
   * A new, empty builder; its {@code build()} throws {@link
   * io.github.csmkit.client.error.CsmValidationException} naming every broken rule.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link CustomerProfileBatch}; {@code build()} throws on a broken rule. */
  public static final class Builder extends ImmutableCustomerProfileBatch.Builder {
    Builder() {}
  }
}
