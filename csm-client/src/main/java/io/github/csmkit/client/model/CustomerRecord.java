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

  public abstract String id();

  public abstract Optional<String> email();

  public abstract Optional<String> displayName();

  public abstract List<Detail> details();

  public abstract List<OrganizationRef> organizations();

  /** The values of the detail with this name, empty when it has none. */
  public List<String> detail(String name) {
    return details().stream()
        .filter(d -> d.name().equals(name))
        .findFirst()
        .map(Detail::values)
        .orElse(List.of());
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link CustomerRecord}. */
  public static final class Builder extends ImmutableCustomerRecord.Builder {
    Builder() {}
  }
}
