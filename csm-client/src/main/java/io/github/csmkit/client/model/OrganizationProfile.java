package io.github.csmkit.client.model;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An organization's profile as sent to {@code POST /api/v1/organization/profile/bulk}: identified
 * by id or name, with detail values and member customers.
 */
@Value.Immutable
@CsmStyle
public abstract class OrganizationProfile {
  OrganizationProfile() {}

  /** The CSM organization id of an existing organization. */
  public abstract Optional<String> id();

  /** The name; needed to create an organization. */
  public abstract Optional<String> name();

  /** The detail values to set; empty for none. */
  public abstract List<Detail> details();

  /** Ids of customers to add as members; sent as {@code {"customerIds":[..]}}. */
  public abstract List<String> associateCustomers();

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OrganizationProfile}. */
  public static final class Builder extends ImmutableOrganizationProfile.Builder {
    Builder() {}
  }
}
