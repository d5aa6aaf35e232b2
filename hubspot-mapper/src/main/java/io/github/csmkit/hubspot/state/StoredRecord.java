package io.github.csmkit.hubspot.state;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the state remembers of one HubSpot record.
 *
 * @param type contact or company
 * @param hubSpotId the HubSpot id
 * @param csmId the CSM customer or organization id, empty until known
 * @param identity the email (contact) or name (company) last sent, empty if never sent
 * @param fieldHashes per field, the {@link FieldHashes hash} of the values CSM last accepted
 * @param memberships for a contact, the HubSpot ids of the companies it was last sent as a member
 *     of; empty for a company
 * @param outcome how its last attempt ended
 * @param outcomeDetail the server's message (failed) or the rule (rejected); empty when imported
 * @param runId the run that last touched it
 * @param updatedAt when that run touched it
 * @param sourceModifiedAt HubSpot's last-modified time of the version last settled, when known
 */
public record StoredRecord(
    ObjectType type,
    String hubSpotId,
    Optional<String> csmId,
    Optional<String> identity,
    Map<String, String> fieldHashes,
    Set<String> memberships,
    Outcome outcome,
    Optional<String> outcomeDetail,
    String runId,
    Instant updatedAt,
    Optional<Instant> sourceModifiedAt) {
  /** Copies the collections; checks that nothing is null. */
  public StoredRecord {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(hubSpotId, "hubSpotId");
    Objects.requireNonNull(csmId, "csmId");
    Objects.requireNonNull(identity, "identity");
    fieldHashes = Map.copyOf(fieldHashes);
    memberships = Set.copyOf(memberships);
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(outcomeDetail, "outcomeDetail");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(sourceModifiedAt, "sourceModifiedAt");
  }
}
