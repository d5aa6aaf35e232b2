package io.github.csmkit.client.model;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A customer profile as fetched from CSM, for verification: id, email, name, details,
 * organizations.
 */
@Value.Immutable
@CsmStyle
public abstract class CustomerRecord {
  CustomerRecord() {}

  /** The customer's id. */
  public abstract String id();

  /** The customer's email, if it has one. */
  public abstract Optional<String> email();

  /** The customer's display name, if it has one. */
  public abstract Optional<String> displayName();

  /** The customer's detail values. */
  public abstract List<Detail> details();

  /** The organizations the customer belongs to. */
  public abstract List<OrganizationRef> organizations();

  /** The values of the detail with this name, empty when it has none. */
  public List<String> detail(String name) {
    return Detail.valuesOf(details(), name);
  }

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link CustomerRecord}. */
  public static final class Builder extends ImmutableCustomerRecord.Builder {
    Builder() {}
  }
}
