package io.github.csmkit.hubspot.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * The records of the sandbox's HubSpot portal, which tests seed and change between runs. Every
 * change stamps the modification-date property ({@code lastmodifieddate} for contacts, {@code
 * hs_lastmodifieddate} for companies) with the sandbox clock's time, as HubSpot does, and reaches
 * the search index only after the sandbox's index lag. Archiving does not change the modification
 * date (as in HubSpot). Thread-safe.
 *
 * <pre>{@code
 * String acme = portal.createCompany(Map.of("name", "Acme", "domain", "acme.example"));
 * String jane = portal.createContact(Map.of("email", "jane@acme.example", "firstname", "Jane"));
 * portal.associate(jane, acme, true);
 * clock.advance(Duration.ofMinutes(5));
 * portal.update(ObjectType.CONTACTS, jane, Map.of("lifecyclestage", "customer"));
 * }</pre>
 */
public final class HubSpotPortal {
  private static final Set<String> READ_ONLY =
      Set.of(
          "hs_object_id",
          "createdate",
          "lastmodifieddate",
          "hs_lastmodifieddate",
          "hs_merged_object_ids");

  private final Clock clock;
  private final Duration indexLag;
  private final Map<ObjectType, TreeMap<Long, StoredRecord>> records =
      new EnumMap<>(ObjectType.class);
  private final Map<ObjectType, Set<String>> knownProperties = new EnumMap<>(ObjectType.class);
  private final Associations associations = new Associations();
  private long nextId;

  HubSpotPortal(Clock clock, Duration indexLag, long firstId) {
    this.clock = clock;
    this.indexLag = indexLag;
    this.nextId = firstId;
    for (ObjectType t : ObjectType.values()) {
      records.put(t, new TreeMap<>());
      Set<String> known = new LinkedHashSet<>(t.defaultProperties());
      known.addAll(List.of("hs_object_id", "createdate", t.modifiedProperty()));
      knownProperties.put(t, known);
    }
    knownProperties.get(ObjectType.CONTACTS).add("associatedcompanyid");
    knownProperties.values().forEach(s -> s.add("hs_merged_object_ids"));
  }

  /**
   * Creates a contact with a new id.
   *
   * @param properties property values by internal name (string values, as HubSpot stores them)
   * @return the new contact's id
   * @throws IllegalArgumentException when a read-only property is given
   */
  public String createContact(Map<String, String> properties) {
    return create(ObjectType.CONTACTS, properties);
  }

  /**
   * Creates a company with a new id.
   *
   * @param properties property values by internal name
   * @return the new company's id
   * @throws IllegalArgumentException when a read-only property is given
   */
  public String createCompany(Map<String, String> properties) {
    return create(ObjectType.COMPANIES, properties);
  }

  /**
   * Creates a record with a new id (ids grow by one, shared by all types, as HubSpot's are unique
   * across a portal's objects in practice).
   *
   * @param type contacts or companies
   * @param properties property values by internal name
   * @return the new record's id
   * @throws IllegalArgumentException when a read-only property is given
   */
  public synchronized String create(ObjectType type, Map<String, String> properties) {
    Objects.requireNonNull(type, "type");
    checkWritable(properties);
    long id = nextId++;
    Instant now = now();
    StoredRecord r = new StoredRecord(type, id, now);
    properties.forEach((k, v) -> setValue(r, k, v));
    r.touched(now, now.plus(indexLag));
    records.get(type).put(id, r);
    return Long.toString(id);
  }

  /**
   * Creates {@code count} records at once (the clock does not move between them).
   *
   * @param type contacts or companies
   * @param count how many
   * @param properties the properties of the i-th record (0-based)
   * @return the new ids, in order
   */
  public synchronized List<String> createMany(
      ObjectType type, int count, IntFunction<Map<String, String>> properties) {
    List<String> ids = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ids.add(create(type, properties.apply(i)));
    }
    return ids;
  }

  /**
   * Changes property values of an active record and stamps its modification date with now. A {@code
   * null} value clears the property (HubSpot stores an empty value as no value).
   *
   * @param type contacts or companies
   * @param id the record's id
   * @param changes new values by internal name; null values clear
   * @throws IllegalArgumentException when the record is unknown or a property is read-only
   * @throws IllegalStateException when the record is archived or merged
   */
  public synchronized void update(ObjectType type, String id, Map<String, String> changes) {
    checkWritable(changes);
    StoredRecord r = active(type, id);
    changes.forEach((k, v) -> setValue(r, k, v));
    Instant now = now();
    r.touched(now, now.plus(indexLag));
  }

  /**
   * Clears property values (one modification).
   *
   * @param type contacts or companies
   * @param id the record's id
   * @param properties the internal names to clear
   * @throws IllegalArgumentException when the record is unknown or a property is read-only
   * @throws IllegalStateException when the record is archived or merged
   */
  public void clear(ObjectType type, String id, String... properties) {
    Map<String, String> changes = new LinkedHashMap<>();
    for (String p : properties) {
      changes.put(p, null);
    }
    update(type, id, changes);
  }

  /**
   * Renames a company (its {@code name} property).
   *
   * @param companyId the company's id
   * @param name the new name
   * @throws IllegalArgumentException when the company is unknown
   * @throws IllegalStateException when it is archived or merged
   */
  public void renameCompany(String companyId, String name) {
    update(ObjectType.COMPANIES, companyId, Map.of("name", Objects.requireNonNull(name, "name")));
  }

  /**
   * Archives a record (HubSpot's delete): it leaves the listing, the search index and batch reads,
   * and appears in {@code archived=true} listings. Its modification date does not change.
   *
   * @param type contacts or companies
   * @param id the record's id
   * @throws IllegalArgumentException when the record is unknown
   * @throws IllegalStateException when it is already archived or merged
   */
  public synchronized void archive(ObjectType type, String id) {
    active(type, id).archivedAt = now();
  }

  /**
   * Removes an archived record for good, as HubSpot does 90 days after archiving: no listing shows
   * it any more, and nothing tells that it existed.
   *
   * @param type contacts or companies
   * @param id the record's id
   * @throws IllegalArgumentException when the record is unknown
   * @throws IllegalStateException when it is not archived
   */
  public synchronized void purge(ObjectType type, String id) {
    StoredRecord r = find(type, id);
    if (r.archivedAt == null || r.mergedInto != null) {
      throw new IllegalStateException(type.singular() + " " + id + " is not archived");
    }
    records.get(type).remove(r.id);
    associations.removeAll(type, r.id);
  }

  /**
   * Merges {@code mergedId} into {@code survivorId}, as HubSpot's merge does: the survivor gets the
   * merged id (and the ids merged into it before) in {@code hs_merged_object_ids}, takes over its
   * associations and is modified now; the merged record disappears from listings, search and the
   * archived listing, and reads of its id (single and batch) answer with the survivor.
   *
   * @param type contacts or companies
   * @param survivorId the record that stays
   * @param mergedId the record that goes
   * @throws IllegalArgumentException when a record is unknown or both ids are the same
   * @throws IllegalStateException when a record is archived or merged
   */
  public synchronized void merge(ObjectType type, String survivorId, String mergedId) {
    StoredRecord survivor = active(type, survivorId);
    StoredRecord merged = active(type, mergedId);
    if (survivor == merged) {
      throw new IllegalArgumentException("cannot merge a record into itself: " + survivorId);
    }
    List<String> ids = new ArrayList<>();
    for (StoredRecord r : List.of(survivor, merged)) {
      String before = r.properties.get("hs_merged_object_ids");
      if (before != null && !before.isEmpty()) {
        ids.addAll(List.of(before.split(";")));
      }
    }
    ids.add(Long.toString(merged.id));
    survivor.properties.put("hs_merged_object_ids", String.join(";", ids));
    merged.mergedInto = survivor.id;
    merged.archivedAt = now();
    associations.moveAll(type, merged.id, survivor.id);
    // earlier merges into the merged record now point at the survivor too
    records.get(type).values().stream()
        .filter(r -> r.mergedInto != null && r.mergedInto == merged.id)
        .forEach(r -> r.mergedInto = survivor.id);
    Instant now = now();
    primaryCompanyChanged(type, merged.id, survivor.id, now);
    survivor.touched(now, now.plus(indexLag));
  }

  /** Keeps {@code associatedcompanyid} in step with the primary associations after a merge. */
  private void primaryCompanyChanged(ObjectType type, long mergedId, long survivorId, Instant now) {
    if (type == ObjectType.CONTACTS) {
      StoredRecord contact = records.get(type).get(survivorId);
      associations.of(type, survivorId).entrySet().stream()
          .filter(Map.Entry::getValue)
          .findFirst()
          .ifPresent(e -> contact.properties.put("associatedcompanyid", Long.toString(e.getKey())));
      return;
    }
    String old = Long.toString(mergedId);
    for (StoredRecord c : records.get(ObjectType.CONTACTS).values()) {
      if (c.active() && old.equals(c.properties.get("associatedcompanyid"))) {
        c.properties.put("associatedcompanyid", Long.toString(survivorId));
        c.touched(now, now.plus(indexLag));
      }
    }
  }

  /**
   * Associates a contact with a company (type 279/280, and 1/2 when primary). Making a company the
   * primary one sets the contact's {@code associatedcompanyid}, which modifies the contact; an
   * unlabeled association changes no modification date (HubSpot's search cannot see it).
   *
   * @param contactId the contact
   * @param companyId the company
   * @param primary whether it becomes the contact's primary company (replacing the previous one)
   * @throws IllegalArgumentException when a record is unknown
   * @throws IllegalStateException when a record is archived or merged
   */
  public synchronized void associate(String contactId, String companyId, boolean primary) {
    StoredRecord contact = active(ObjectType.CONTACTS, contactId);
    StoredRecord company = active(ObjectType.COMPANIES, companyId);
    associations.put(contact.id, company.id, primary);
    if (primary) {
      contact.properties.put("associatedcompanyid", Long.toString(company.id));
      Instant now = now();
      contact.touched(now, now.plus(indexLag));
    }
  }

  /**
   * Removes the association of a contact and a company (no modification date changes, unless it was
   * the primary company: then {@code associatedcompanyid} is cleared).
   *
   * @param contactId the contact
   * @param companyId the company
   * @throws IllegalArgumentException when a record is unknown
   */
  public synchronized void dissociate(String contactId, String companyId) {
    StoredRecord contact = find(ObjectType.CONTACTS, contactId);
    StoredRecord company = find(ObjectType.COMPANIES, companyId);
    if (associations.remove(contact.id, company.id)) {
      contact.properties.remove("associatedcompanyid");
      Instant now = now();
      contact.touched(now, now.plus(indexLag));
    }
  }

  /**
   * One record as the portal has it now, archived and merged ones included.
   *
   * @param type contacts or companies
   * @param id the record's id
   * @return the record, or empty when there is none (or it was purged)
   */
  public synchronized Optional<PortalRecord> get(ObjectType type, String id) {
    StoredRecord r = lookup(type, id);
    return Optional.ofNullable(r).map(StoredRecord::snapshot);
  }

  /**
   * Every record of a type, archived and merged ones included, by id.
   *
   * @param type contacts or companies
   * @return snapshots of the records
   */
  public synchronized List<PortalRecord> records(ObjectType type) {
    return records.get(type).values().stream().map(StoredRecord::snapshot).toList();
  }

  /**
   * The ids of the companies a contact is associated with, in association order.
   *
   * @param contactId the contact
   * @return the company ids
   */
  public synchronized List<String> companiesOf(String contactId) {
    return associations.of(ObjectType.CONTACTS, Long.parseLong(contactId)).keySet().stream()
        .map(String::valueOf)
        .toList();
  }

  // ---- for the request handlers (callers hold this portal's lock) ----

  Clock clock() {
    return clock;
  }

  NavigableMap<Long, StoredRecord> table(ObjectType type) {
    return records.get(type);
  }

  Set<String> known(ObjectType type) {
    return knownProperties.get(type);
  }

  Associations associations() {
    return associations;
  }

  /** The record an id names, following merges to the survivor; null when unknown. */
  StoredRecord resolve(ObjectType type, long id) {
    StoredRecord r = records.get(type).get(id);
    while (r != null && r.mergedInto != null) {
      r = records.get(type).get(r.mergedInto);
    }
    return r;
  }

  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private void setValue(StoredRecord r, String name, String value) {
    knownProperties.get(r.type).add(name);
    if (value == null || value.isEmpty()) {
      r.properties.remove(name);
    } else {
      r.properties.put(name, value);
    }
  }

  private static void checkWritable(Map<String, String> properties) {
    for (String name : properties.keySet()) {
      if (READ_ONLY.contains(name)) {
        throw new IllegalArgumentException("read-only property: " + name);
      }
    }
  }

  private StoredRecord lookup(ObjectType type, String id) {
    Objects.requireNonNull(type, "type");
    try {
      return records.get(type).get(Long.parseLong(id));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private StoredRecord find(ObjectType type, String id) {
    StoredRecord r = lookup(type, id);
    if (r == null) {
      throw new IllegalArgumentException("no " + type.singular() + " " + id);
    }
    return r;
  }

  private StoredRecord active(ObjectType type, String id) {
    StoredRecord r = find(type, id);
    if (!r.active()) {
      throw new IllegalStateException(
          type.singular() + " " + id + (r.mergedInto != null ? " was merged" : " is archived"));
    }
    return r;
  }
}
