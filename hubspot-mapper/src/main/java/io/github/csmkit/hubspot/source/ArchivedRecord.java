package io.github.csmkit.hubspot.source;

import java.time.Instant;
import java.util.Objects;

/**
 * A record HubSpot lists as archived (deleted, restorable for 90 days).
 *
 * @param id the HubSpot record id
 * @param archivedAt when it was archived, or null when HubSpot did not say
 */
public record ArchivedRecord(String id, Instant archivedAt) {
  /**
   * Checks the id.
   *
   * @throws NullPointerException when id is null
   */
  public ArchivedRecord {
    Objects.requireNonNull(id, "id");
  }
}
