package io.github.csmkit.hubspot.state;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How one record ended in a run, to be written to the state by {@link SyncRun#settle}.
 *
 * <p>An {@link Outcome#IMPORTED imported} settlement replaces the record's CSM id, identity, field
 * hashes and memberships with what was sent. A {@link Outcome#FAILED failed} or {@link
 * Outcome#REJECTED rejected} one records only the outcome: the hashes stay those of what CSM last
 * accepted, so the next run sends the same changes again.
 *
 * @param type contact or company
 * @param hubSpotId the HubSpot id
 * @param outcome how it ended
 * @param detail the server's message or the rule; empty when imported
 * @param csmId the CSM id (imported: when known; a known id is never overwritten with an empty one)
 * @param identity the email or name sent (imported)
 * @param fieldHashes the hashes of the fields sent, all of them, not only the changed ones
 *     (imported)
 * @param memberships the HubSpot company ids the contact is a member of (imported)
 * @param sourceModifiedAt HubSpot's last-modified time of the version settled, when known
 */
public record Settlement(
    ObjectType type,
    String hubSpotId,
    Outcome outcome,
    Optional<String> detail,
    Optional<String> csmId,
    Optional<String> identity,
    Map<String, String> fieldHashes,
    Set<String> memberships,
    Optional<Instant> sourceModifiedAt) {
  /** Copies the collections; checks that nothing is null. */
  public Settlement {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(hubSpotId, "hubSpotId");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(csmId, "csmId");
    Objects.requireNonNull(identity, "identity");
    fieldHashes = Map.copyOf(fieldHashes);
    memberships = Set.copyOf(memberships);
    Objects.requireNonNull(sourceModifiedAt, "sourceModifiedAt");
  }

  /**
   * A record CSM accepted.
   *
   * @param type contact or company
   * @param hubSpotId the HubSpot id
   * @param csmId the CSM id, or null when not known yet
   * @param identity the email or name sent
   * @param fieldHashes the hashes of every field sent ({@link FieldHashes#of})
   * @param memberships the HubSpot company ids of its memberships (empty for a company)
   * @return the settlement
   */
  public static Settlement imported(
      ObjectType type,
      String hubSpotId,
      String csmId,
      String identity,
      Map<String, String> fieldHashes,
      Set<String> memberships) {
    return new Settlement(
        type,
        hubSpotId,
        Outcome.IMPORTED,
        Optional.empty(),
        Optional.ofNullable(csmId),
        Optional.of(identity),
        fieldHashes,
        memberships,
        Optional.empty());
  }

  /**
   * A record CSM refused.
   *
   * @param type contact or company
   * @param hubSpotId the HubSpot id
   * @param message the server's message
   * @return the settlement
   */
  public static Settlement failed(ObjectType type, String hubSpotId, String message) {
    return notImported(type, hubSpotId, Outcome.FAILED, message);
  }

  /**
   * A record refused locally, never sent.
   *
   * @param type contact or company
   * @param hubSpotId the HubSpot id
   * @param rule the rule it broke
   * @return the settlement
   */
  public static Settlement rejected(ObjectType type, String hubSpotId, String rule) {
    return notImported(type, hubSpotId, Outcome.REJECTED, rule);
  }

  private static Settlement notImported(
      ObjectType type, String hubSpotId, Outcome outcome, String detail) {
    return new Settlement(
        type,
        hubSpotId,
        outcome,
        Optional.of(detail),
        Optional.empty(),
        Optional.empty(),
        Map.of(),
        Set.of(),
        Optional.empty());
  }

  /**
   * This settlement with HubSpot's last-modified time of the version settled (for incremental
   * syncs, which de-duplicate on it).
   *
   * @param modifiedAt the time
   * @return a copy
   */
  public Settlement withSourceModifiedAt(Instant modifiedAt) {
    return new Settlement(
        type,
        hubSpotId,
        outcome,
        detail,
        csmId,
        identity,
        fieldHashes,
        memberships,
        Optional.of(modifiedAt));
  }
}
