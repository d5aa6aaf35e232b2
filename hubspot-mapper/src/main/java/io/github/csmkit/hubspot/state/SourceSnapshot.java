package io.github.csmkit.hubspot.state;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A record as this run would send it: what {@link DeltaPlanner} compares with the state.
 *
 * @param type contact or company
 * @param hubSpotId the HubSpot id
 * @param identity the email (contact) or name (company) it would be sent with
 * @param fields the mapped detail fields, name to values (a field with no values is cleared); a
 *     caller that wants the display name compared includes it as a field of its own
 * @param memberships for a contact, the HubSpot ids of its companies; empty for a company
 */
public record SourceSnapshot(
    ObjectType type,
    String hubSpotId,
    String identity,
    Map<String, List<String>> fields,
    Set<String> memberships) {
  /** Copies the collections, keeping their order; checks that nothing is null. */
  public SourceSnapshot {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(hubSpotId, "hubSpotId");
    Objects.requireNonNull(identity, "identity");
    Map<String, List<String>> copy = new LinkedHashMap<>();
    fields.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    fields = java.util.Collections.unmodifiableMap(copy);
    memberships = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(memberships));
  }
}
