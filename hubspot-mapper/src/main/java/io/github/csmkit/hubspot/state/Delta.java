package io.github.csmkit.hubspot.state;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a run should do with one record, from {@link DeltaPlanner#classify}.
 *
 * @param kind new, changed, unchanged or retry
 * @param csmId the CSM id the state knows, empty for a record never imported (then CSM needs a
 *     create)
 * @param changedFields the fields to send: new or with other values than CSM last accepted (for
 *     {@link Kind#NEW} every field)
 * @param clearedFields fields CSM has that are now empty: each needs a detail-value {@code DELETE}
 * @param addedMemberships HubSpot company ids the contact joined since it was last sent
 * @param removedMemberships HubSpot company ids the contact left (reported; memberships are never
 *     removed in CSM)
 * @param identityChange the old and new email or name, when it changed
 * @param fieldHashes the hashes of every field as this run sends it, to settle with
 */
public record Delta(
    Kind kind,
    Optional<String> csmId,
    Set<String> changedFields,
    Set<String> clearedFields,
    Set<String> addedMemberships,
    Set<String> removedMemberships,
    Optional<IdentityChange> identityChange,
    Map<String, String> fieldHashes) {

  /** The classes of record a run can meet. */
  public enum Kind {
    /** Not in the state: create it. */
    NEW,
    /** Imported before, different now: send what changed, by CSM id. */
    CHANGED,
    /** Imported before, the same now: send nothing. */
    UNCHANGED,
    /** Its last attempt failed or was rejected: send it again (with what changed). */
    RETRY
  }

  /**
   * The email (contact) or name (company) a record was last sent with, and the one it has now.
   *
   * @param previous the one CSM has
   * @param current the one this run sends
   */
  public record IdentityChange(String previous, String current) {
    /** Checks that nothing is null. */
    public IdentityChange {
      Objects.requireNonNull(previous, "previous");
      Objects.requireNonNull(current, "current");
    }
  }

  /** Copies the collections; checks that nothing is null. */
  public Delta {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(csmId, "csmId");
    changedFields = Set.copyOf(changedFields);
    clearedFields = Set.copyOf(clearedFields);
    addedMemberships = Set.copyOf(addedMemberships);
    removedMemberships = Set.copyOf(removedMemberships);
    Objects.requireNonNull(identityChange, "identityChange");
    fieldHashes = Map.copyOf(fieldHashes);
  }

  /**
   * Whether CSM has no record for it yet, so it must be created rather than updated by id.
   *
   * @return true for a new record and for a retry of one never imported
   */
  public boolean needsCreate() {
    return csmId.isEmpty();
  }
}
