package io.github.csmkit.client.model;

import io.github.csmkit.client.error.Violation.Rule;
import java.util.List;
import org.immutables.value.Value;

/**
 * The body of {@code POST /api/v1/organization/profile/bulk}: 1 to 50 operations, each valid on its
 * own, with no name or id used twice.
 */
@Value.Immutable
@CsmStyle
public abstract class OrganizationProfileBatch implements Batch<OrganizationProfileOperation> {
  OrganizationProfileBatch() {}

  /** The operations, in the order they are sent. */
  public abstract List<OrganizationProfileOperation> operations();

  @Override
  public List<OrganizationProfileOperation> items() {
    return operations();
  }

  @Value.Check
  void check() {
    Rules.checkBatch(
        "OrganizationProfileBatch",
        operations(),
        new Rules.Uniqueness<>("payload.name", Rule.DUPLICATE_NAME, op -> op.payload().name()),
        new Rules.Uniqueness<>("payload.id", Rule.DUPLICATE_ID, op -> op.payload().id()));
  }

  /** A batch of the given operations; throws if they break a rule. */
  public static OrganizationProfileBatch of(List<OrganizationProfileOperation> operations) {
    return builder().operations(operations).build();
  }

  /**
   * A new, empty builder; its {@code build()} throws {@link
   * io.github.csmkit.client.error.CsmValidationException} naming every broken rule.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OrganizationProfileBatch}; {@code build()} throws on a broken rule. */
  public static final class Builder extends ImmutableOrganizationProfileBatch.Builder {
    Builder() {}
  }
}
