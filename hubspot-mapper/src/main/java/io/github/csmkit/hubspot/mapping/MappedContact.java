package io.github.csmkit.hubspot.mapping;

import io.github.csmkit.client.model.CustomerProfile;
import io.github.csmkit.client.model.CustomerProfileOperation;
import io.github.csmkit.hubspot.source.HubSpotContact;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A contact mapped to a CSM customer-profile operation, with the organizations it belongs to and
 * what the mapping ran into. When {@link #rejected()}, there is no operation and {@link
 * #rejectionReason()} says why.
 *
 * @param source the contact
 * @param operation the operation, empty when rejected
 * @param organizationNames the organization names the contact names (the {@code company} property)
 * @param hubSpotCompanyIds the HubSpot ids of the associated companies, to be resolved to CSM
 *     organization ids by the migration
 * @param issues what the mapping ran into
 */
public record MappedContact(
    HubSpotContact source,
    Optional<CustomerProfileOperation> operation,
    List<String> organizationNames,
    List<String> hubSpotCompanyIds,
    List<MappingIssue> issues) {
  /** Copies the lists. */
  public MappedContact {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(operation, "operation");
    organizationNames = List.copyOf(organizationNames);
    hubSpotCompanyIds = List.copyOf(hubSpotCompanyIds);
    issues = List.copyOf(issues);
  }

  /** True when the contact cannot be imported. */
  public boolean rejected() {
    return operation.isEmpty();
  }

  /** The errors that rejected the contact, joined; empty when it was not rejected. */
  public String rejectionReason() {
    return MappingIssue.errors(issues);
  }

  /**
   * The operation with the customer's CSM organization ids set (the migration resolves the HubSpot
   * company ids or organization names to them).
   *
   * @throws IllegalStateException when the contact was rejected
   */
  public CustomerProfileOperation operationWithOrganizations(List<String> csmOrganizationIds) {
    CustomerProfileOperation op =
        operation.orElseThrow(() -> new IllegalStateException("rejected: " + rejectionReason()));
    CustomerProfile p =
        CustomerProfile.builder()
            .from(op.payload())
            .associateOrganizations(csmOrganizationIds)
            .build();
    return CustomerProfileOperation.builder().from(op).payload(p).build();
  }
}
