package io.github.csmkit.hubspot.sync;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A record a search returned: its id, its modification time (the {@code lastmodifieddate} or {@code
 * hs_lastmodifieddate} property) and its properties as sent (values may be null).
 *
 * @param id the HubSpot record id
 * @param modifiedAt its modification time
 * @param properties its properties by internal name
 */
public record ChangedRecord(String id, Instant modifiedAt, Map<String, String> properties) {
  /**
   * Checks the parts.
   *
   * @throws NullPointerException when id, modifiedAt or properties is null
   */
  public ChangedRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(modifiedAt, "modifiedAt");
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }
}
