package io.github.csmkit.hubspot.mapping;

import io.github.csmkit.client.model.OrganizationProfileOperation;
import io.github.csmkit.hubspot.source.HubSpotCompany;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A company mapped to a CSM organization-profile CREATE, with what the mapping ran into. When
 * {@link #rejected()}, there is no operation.
 *
 * @param source the company
 * @param operation the operation, empty when rejected
 * @param issues what the mapping ran into
 */
public record MappedCompany(
    HubSpotCompany source,
    Optional<OrganizationProfileOperation> operation,
    List<MappingIssue> issues) {
  /** Copies the issues. */
  public MappedCompany {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(operation, "operation");
    issues = List.copyOf(issues);
  }

  /** True when the company cannot be imported. */
  public boolean rejected() {
    return operation.isEmpty();
  }

  /** The organization name, when not rejected. */
  public Optional<String> name() {
    return operation.flatMap(o -> o.payload().name());
  }

  /** The errors that rejected the company, joined; empty when it was not rejected. */
  public String rejectionReason() {
    return MappingIssue.errors(issues);
  }
}
