package io.github.csmkit.hubspot.source;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A HubSpot contact: its id, properties, the ids of the companies it is associated with (without
 * repeats, in the order HubSpot gave them), the archived flag and its source position.
 *
 * @param id the HubSpot record id
 * @param properties the property values by internal name (unmodifiable)
 * @param associatedCompanyIds HubSpot ids of the associated companies (unmodifiable)
 * @param archived whether the contact is archived
 * @param position where the contact was read
 */
public record HubSpotContact(
    String id,
    Map<String, String> properties,
    List<String> associatedCompanyIds,
    boolean archived,
    SourcePosition position)
    implements HubSpotRecord {
  /** Copies the collections, dropping null values and repeated company ids. */
  public HubSpotContact {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(position, "position");
    properties = copy(properties);
    associatedCompanyIds = List.copyOf(new java.util.LinkedHashSet<>(associatedCompanyIds));
  }

  static Map<String, String> copy(Map<String, String> properties) {
    Map<String, String> out = new LinkedHashMap<>();
    properties.forEach(
        (k, v) -> {
          if (k != null && v != null) {
            out.put(k, v);
          }
        });
    return java.util.Collections.unmodifiableMap(out);
  }

  /** The trimmed email, or empty. */
  public java.util.Optional<String> email() {
    return property("email");
  }
}
