package io.github.csmkit.client.model;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A customer's profile as sent to {@code POST /api/v1/customer/profile/bulk}: identified by email
 * or customer id, with a display name, detail values and organization memberships.
 */
@Value.Immutable
@CsmStyle
public abstract class CustomerProfile {
  CustomerProfile() {}

  /** The email; needed to create a customer. */
  public abstract Optional<String> email();

  /** The CSM customer id ({@code qm:…} or an Atlassian account id) of an existing customer. */
  public abstract Optional<String> customerId();

  /** The display name, if it is to be set. */
  public abstract Optional<String> displayName();

  /** The detail values to set; empty for none. */
  public abstract List<Detail> details();

  /** Ids of the organizations the customer belongs to; sent as {@code {"organizationIds":[..]}}. */
  public abstract List<String> associateOrganizations();

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link CustomerProfile}. */
  public static final class Builder extends ImmutableCustomerProfile.Builder {
    Builder() {}
  }
}
