package io.github.csmkit.client.model;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An organization profile as fetched from CSM ({@code POST /api/v1/organization/profile/fetch}),
 * for verification: id, name and detail values.
 */
@Value.Immutable
@CsmStyle
public abstract class OrganizationRecord {
  OrganizationRecord() {}

  /** The organization's id. */
  public abstract String id();

  /** The organization's name, if it has one. */
  public abstract Optional<String> name();

  /** The organization's detail values. */
  public abstract List<Detail> details();

  /** The values of the detail with this name, empty when it has none. */
  public List<String> detail(String name) {
    return Detail.valuesOf(details(), name);
  }

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OrganizationRecord}. */
  public static final class Builder extends ImmutableOrganizationRecord.Builder {
    Builder() {}
  }
}
