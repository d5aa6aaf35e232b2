package io.github.csmkit.hubspot.sandbox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One record of the portal, with the versions its search index still shows. Guarded by the portal.
 */
final class StoredRecord {
  /** HubSpot writes datetimes with milliseconds always ({@code 2019-10-30T03:30:17.883Z}). */
  static final DateTimeFormatter WIRE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** What the search index holds of a record from {@code visibleAt} on. */
  record Version(Instant visibleAt, Map<String, String> properties, Instant updatedAt) {
    /** The modification date as epoch milliseconds, for filters that compare it. */
    long modifiedMillis() {
      return updatedAt.toEpochMilli();
    }
  }

  final ObjectType type;
  final long id;
  final Map<String, String> properties = new LinkedHashMap<>();
  final Instant createdAt;
  Instant updatedAt;
  Instant archivedAt;
  Long mergedInto;
  private final Deque<Version> versions = new ArrayDeque<>();

  StoredRecord(ObjectType type, long id, Instant createdAt) {
    this.type = type;
    this.id = id;
    this.createdAt = createdAt;
    this.updatedAt = createdAt;
    properties.put("hs_object_id", Long.toString(id));
    properties.put("createdate", WIRE_TIME.format(createdAt));
    properties.put(type.modifiedProperty(), WIRE_TIME.format(createdAt));
  }

  /** Marks a change at {@code now}; search shows it from {@code now + lag}. */
  void touched(Instant now, Instant visibleAt) {
    indexed(now); // drops the versions no search can show any more
    updatedAt = now;
    properties.put(type.modifiedProperty(), WIRE_TIME.format(now));
    versions.addLast(
        new Version(visibleAt, Collections.unmodifiableMap(new LinkedHashMap<>(properties)), now));
  }

  /** The version the search index shows at {@code now}, or null (not indexed yet, or archived). */
  Version indexed(Instant now) {
    if (archivedAt != null || mergedInto != null) {
      return null;
    }
    int visible = 0;
    for (Iterator<Version> it = versions.iterator(); it.hasNext(); ) {
      if (it.next().visibleAt().isAfter(now)) {
        break;
      }
      visible++;
    }
    // older versions can never be shown again: drop them so memory stays one version per record
    for (int i = 1; i < visible; i++) {
      versions.pollFirst();
    }
    return visible == 0 ? null : versions.peekFirst();
  }

  boolean active() {
    return archivedAt == null && mergedInto == null;
  }

  PortalRecord snapshot() {
    return new PortalRecord(
        type,
        Long.toString(id),
        Collections.unmodifiableMap(new LinkedHashMap<>(properties)),
        createdAt,
        updatedAt,
        archivedAt,
        mergedInto == null ? null : Long.toString(mergedInto));
  }
}
