package io.github.csmkit.hubspot.sandbox;

import java.time.Instant;
import java.util.Map;

/**
 * A snapshot of one record held by the sandbox, as the portal has it now (not as the search index
 * shows it).
 *
 * @param type contacts or companies
 * @param id the record id
 * @param properties every property with a value, by internal name (values are strings, as on the
 *     wire)
 * @param createdAt when it was created
 * @param updatedAt its last modification (the modification-date property)
 * @param archivedAt when it was archived, or null while it is active
 * @param mergedInto the id of the record it was merged into, or null
 */
public record PortalRecord(
    ObjectType type,
    String id,
    Map<String, String> properties,
    Instant createdAt,
    Instant updatedAt,
    Instant archivedAt,
    String mergedInto) {

  /**
   * Whether the record was archived (deleted in HubSpot's UI or API, or merged away).
   *
   * @return true when archived
   */
  public boolean archived() {
    return archivedAt != null;
  }
}
