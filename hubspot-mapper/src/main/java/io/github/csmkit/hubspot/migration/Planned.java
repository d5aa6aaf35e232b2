package io.github.csmkit.hubspot.migration;

import io.github.csmkit.hubspot.state.Delta;
import io.github.csmkit.hubspot.state.SourceSnapshot;
import io.github.csmkit.hubspot.verify.StateVerification;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A record of a run with a sync state, as it will be sent: what it is now, what the state says to
 * do with it, and which of its memberships resolve to a CSM organization.
 *
 * @param snapshot the record as mapped now
 * @param delta what to send
 * @param links membership key (a HubSpot company id, or {@code name:<name>}) to the CSM
 *     organization id, for the memberships that resolve
 * @param mapped the mapped HubSpot record (a {@code MappedContact} or {@code MappedCompany})
 * @param sourceModifiedAt HubSpot's last-modified time of the record, when it has one: settled with
 *     it, so an incremental sync knows which version the state holds
 */
record Planned(
    SourceSnapshot snapshot,
    Delta delta,
    Map<String, String> links,
    Object mapped,
    Optional<Instant> sourceModifiedAt) {
  /**
   * The field a customer's display name is compared as (no detail field can have this name); the
   * same one {@code csmkit verify} reads.
   */
  static final String DISPLAY_NAME = StateVerification.DISPLAY_NAME_FIELD;

  Planned {
    links = Map.copyOf(links);
  }

  /** The fields to clear with a detail-value DELETE (a display name is never cleared). */
  Set<String> fieldsToClear() {
    Set<String> out = new LinkedHashSet<>(delta.clearedFields());
    out.remove(DISPLAY_NAME);
    return out;
  }

  /** The memberships CSM will hold once this is sent: the current ones, less those not sent. */
  Set<String> settledMemberships() {
    Set<String> out = new LinkedHashSet<>(snapshot.memberships());
    for (String key : snapshot.memberships()) {
      if (!links.containsKey(key) && delta.addedMemberships().contains(key)) {
        out.remove(key);
      }
    }
    return out;
  }

  /** The memberships of this record that are to be sent but have no organization in CSM. */
  Set<String> heldBack() {
    Set<String> out = new LinkedHashSet<>(delta.addedMemberships());
    out.removeAll(links.keySet());
    return out;
  }

  /** The CSM organization ids of the memberships to add. */
  Set<String> organizationIdsToAdd() {
    Set<String> out = new LinkedHashSet<>();
    for (String key : delta.addedMemberships()) {
      String id = links.get(key);
      if (id != null) {
        out.add(id);
      }
    }
    return out;
  }
}
