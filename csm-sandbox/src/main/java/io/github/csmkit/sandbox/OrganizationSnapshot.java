package io.github.csmkit.sandbox;

import java.util.List;
import java.util.Map;

/**
 * An organization held by the sandbox.
 *
 * @param tenant the tenant (cloud id, or {@code default})
 * @param id its id, a numeric string
 * @param name its name
 * @param details detail field name to values, in the order they were set
 * @param customerIds the customers that belong to it
 */
public record OrganizationSnapshot(
    String tenant,
    String id,
    String name,
    Map<String, List<String>> details,
    List<String> customerIds) {
  /** Copies the collections. */
  public OrganizationSnapshot {
    details = Snapshots.copy(details);
    customerIds = List.copyOf(customerIds);
  }
}
