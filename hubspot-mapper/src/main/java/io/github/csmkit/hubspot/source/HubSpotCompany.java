package io.github.csmkit.hubspot.source;

import java.util.Map;
import java.util.Objects;

/**
 * A HubSpot company: its id, properties, the archived flag and its source position.
 *
 * @param id the HubSpot record id
 * @param properties the property values by internal name (unmodifiable)
 * @param archived whether the company is archived
 * @param position where the company was read
 */
public record HubSpotCompany(
    String id, Map<String, String> properties, boolean archived, SourcePosition position)
    implements HubSpotRecord {
  /** Copies the properties, dropping null values. */
  public HubSpotCompany {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(position, "position");
    properties = HubSpotContact.copy(properties);
  }

  /** The trimmed company name ({@code name}), or empty. */
  public java.util.Optional<String> name() {
    return property("name");
  }
}
