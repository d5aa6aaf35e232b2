package io.github.csmkit.hubspot.source;

import java.util.Map;
import java.util.Optional;

/**
 * What contacts and companies have in common: a HubSpot record id, the property values by internal
 * name, the archived flag and where the record was read.
 */
public sealed interface HubSpotRecord permits HubSpotContact, HubSpotCompany {
  /** The HubSpot record id, a numeric string that may exceed 32 bits. */
  String id();

  /**
   * The property values by HubSpot internal name ({@code firstname}, {@code hs_lead_status});
   * values are strings as HubSpot sends them, enumeration cells of a UI export already translated
   * to internal values where the label was known. Absent or {@code null} values are not in the map.
   */
  Map<String, String> properties();

  /** True when HubSpot reports the record as archived (deleted). */
  boolean archived();

  /** Where the record was read. */
  SourcePosition position();

  /** The trimmed value of a property, empty when absent or blank. */
  default Optional<String> property(String name) {
    String v = properties().get(name);
    if (v == null || v.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(v.trim());
  }
}
