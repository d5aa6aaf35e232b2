package io.github.csmkit.hubspot.migration;

import io.github.csmkit.hubspot.internal.LongLongMap;
import io.github.csmkit.hubspot.internal.RecordRefs;
import io.github.csmkit.hubspot.source.HubSpotContact;
import io.github.csmkit.hubspot.source.SourceRecord;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A first read of the selected contacts, before any import: the company names they carry (for
 * organizations without a company record) and, per email, the contact HubSpot modified last (for
 * {@link DuplicatePolicy#LATEST}). Keeps 16 bytes per distinct email, not the contacts.
 */
final class ContactScan {
  private final Set<String> companyNames = new LinkedHashSet<>();
  private final LongLongMap latestRecord = new LongLongMap();
  private final LongLongMap latestModified = new LongLongMap();

  /** A scan that has read nothing: no company names, and every contact is its email's latest. */
  ContactScan() {}

  /**
   * Reads the contacts once.
   *
   * @param contacts the selected contacts
   * @param organizationProperty the property naming a contact's company, or null for none
   * @param key the de-duplication key, or null when no contact's latest is asked for
   */
  static ContactScan read(
      Iterator<SourceRecord<HubSpotContact>> contacts, String organizationProperty, EmailKey key) {
    ContactScan scan = new ContactScan();
    while (contacts.hasNext()) {
      if (contacts.next() instanceof SourceRecord.Parsed<HubSpotContact> p) {
        scan.add(p.value(), organizationProperty, key);
      }
    }
    return scan;
  }

  private void add(HubSpotContact c, String organizationProperty, EmailKey key) {
    if (organizationProperty != null) {
      c.property(organizationProperty)
          .map(String::trim)
          .filter(v -> !v.isEmpty())
          .ifPresent(companyNames::add);
    }
    if (key == null) {
      return;
    }
    OptionalLong k = key.of(c);
    if (k.isPresent()) {
      long modified = modifiedAt(c);
      if (latestRecord.get(k.getAsLong(), Long.MIN_VALUE) == Long.MIN_VALUE
          || modified > latestModified.get(k.getAsLong(), Long.MIN_VALUE)) {
        latestRecord.put(k.getAsLong(), RecordRefs.of(c.id(), c.position().record()));
        latestModified.put(k.getAsLong(), modified);
      }
    }
  }

  /** The company names the contacts carry, trimmed, in first-seen order. */
  Set<String> companyNames() {
    return companyNames;
  }

  /** The reference ({@link RecordRefs}) of the latest contact with this key, else {@code self}. */
  long latest(long key, long self) {
    return latestRecord.get(key, self);
  }

  /**
   * {@code lastmodifieddate} as epoch milliseconds: epoch ms, ISO-8601 or "YYYY-MM-DD HH:MM"; else
   * 0.
   */
  static long modifiedAt(HubSpotContact c) {
    Optional<String> v = c.property("lastmodifieddate").or(() -> c.property("hs_lastmodifieddate"));
    if (v.isEmpty()) {
      return 0;
    }
    String s = v.get().trim();
    try {
      if (s.matches("\\d{10,16}")) {
        return Long.parseLong(s);
      }
      if (s.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}(:\\d{2})?")) {
        return LocalDateTime.parse(s.replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
      }
      return Instant.parse(s).toEpochMilli();
    } catch (RuntimeException e) {
      return 0;
    }
  }
}
