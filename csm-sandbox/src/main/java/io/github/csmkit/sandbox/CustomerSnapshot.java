package io.github.csmkit.sandbox;

import java.util.List;
import java.util.Map;

/**
 * A customer held by the sandbox.
 *
 * @param tenant the tenant (cloud id, or {@code default})
 * @param id its id, a numeric string
 * @param email its email
 * @param displayName its display name, or null
 * @param details detail field name to values, in the order they were set
 * @param organizationIds the organizations it belongs to
 */
public record CustomerSnapshot(
    String tenant,
    String id,
    String email,
    String displayName,
    Map<String, List<String>> details,
    List<String> organizationIds) {
  /** Copies the collections. */
  public CustomerSnapshot {
    details = Snapshots.copy(details);
    organizationIds = List.copyOf(organizationIds);
  }
}
