package io.github.csmkit.client.model;

import io.github.csmkit.client.error.Violation.Rule;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** The body of {@code POST /api/v1/customer/bulk}: 1 to 50 accounts with valid, distinct emails. */
@Value.Immutable
@CsmStyle
public abstract class CustomerAccountBatch implements Batch<CustomerAccount> {
  CustomerAccountBatch() {}

  /** The accounts, in the order they are sent. */
  public abstract List<CustomerAccount> accounts();

  @Override
  public List<CustomerAccount> items() {
    return accounts();
  }

  @Value.Check
  void check() {
    Rules.checkBatch(
        "CustomerAccountBatch",
        accounts(),
        new Rules.Uniqueness<>("email", Rule.DUPLICATE_EMAIL, a -> Optional.of(a.email())));
  }

  /** A batch of the given accounts; throws if they break a rule. */
  public static CustomerAccountBatch of(List<CustomerAccount> accounts) {
    return builder().accounts(accounts).build();
  }

  /**
   * A new, empty builder; its {@code build()} throws {@link
   * io.github.csmkit.client.error.CsmValidationException} naming every broken rule.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link CustomerAccountBatch}; {@code build()} throws on a broken rule. */
  public static final class Builder extends ImmutableCustomerAccountBatch.Builder {
    Builder() {}
  }
}
