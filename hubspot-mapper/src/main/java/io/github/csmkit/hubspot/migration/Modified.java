package io.github.csmkit.hubspot.migration;

import io.github.csmkit.hubspot.source.HubSpotContact;
import io.github.csmkit.hubspot.source.HubSpotRecord;
import io.github.csmkit.hubspot.sync.SearchPage;
import java.time.Instant;
import java.util.Optional;

/**
 * HubSpot's last-modified time of a record ({@code lastmodifieddate} for a contact, {@code
 * hs_lastmodifieddate} for a company), as the API sends it (ISO-8601 or epoch milliseconds). A CSV
 * export's local date format has no zone and gives none: only API reads carry a usable version.
 */
final class Modified {
  static final String CONTACT = "lastmodifieddate";
  static final String COMPANY = "hs_lastmodifieddate";

  private Modified() {}

  static Optional<Instant> of(HubSpotRecord r) {
    String v = r.properties().get(r instanceof HubSpotContact ? CONTACT : COMPANY);
    return Optional.ofNullable(SearchPage.time(v));
  }
}
