package io.github.csmkit.client.model;

import java.util.List;
import org.immutables.value.Value;

/**
 * The body of {@code POST /api/v1/customer/details/bulk}: detail-value operations for 1 to 50
 * customers, at most 1000 operations in all.
 */
@Value.Immutable
@CsmStyle
public abstract class CustomerDetailBatch implements Batch<DetailUpdate> {
  CustomerDetailBatch() {}

  /** The updates, one per customer, in the order they are sent. */
  public abstract List<DetailUpdate> updates();

  @Override
  public List<DetailUpdate> items() {
    return updates();
  }

  @Value.Check
  void check() {
    Rules.checkDetailBatch("CustomerDetailBatch", updates());
  }

  /** A batch of the given updates; throws if they break a rule. */
  public static CustomerDetailBatch of(List<DetailUpdate> updates) {
    return builder().updates(updates).build();
  }

  /**
   * A new, empty builder; its {@code build()} throws {@link
   * io.github.csmkit.client.error.CsmValidationException} naming every broken rule.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link CustomerDetailBatch}; {@code build()} throws on a broken rule. */
  public static final class Builder extends ImmutableCustomerDetailBatch.Builder {
    Builder() {}
  }
}
