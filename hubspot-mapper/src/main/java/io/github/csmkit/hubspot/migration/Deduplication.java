package io.github.csmkit.hubspot.migration;

import io.github.csmkit.client.bulk.DuplicateRecordException;
import io.github.csmkit.hubspot.internal.LongLongMap;
import io.github.csmkit.hubspot.internal.RecordRefs;
import io.github.csmkit.hubspot.source.HubSpotContact;
import io.github.csmkit.hubspot.state.SyncRun;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Decides, once per contact and on one key ({@link EmailKey}, the mapping's email property), which
 * of several contacts with one email is imported: the first seen, or the one HubSpot modified last.
 * With a sync state the first contact of each email is a claim in the state ({@link
 * SyncRun#claim}), looked up a chunk at a time ({@link #prepare}), so de-duplicating a million
 * contacts costs no heap per contact; without one, a table of 32 bytes an email. Not thread-safe:
 * the engine maps records on one thread.
 */
final class Deduplication {
  private static final long UNCLAIMED = Long.MIN_VALUE;

  private final DuplicatePolicy policy;
  private final EmailKey key;
  private final ContactScan scan;
  private final Optional<SyncRun> state;
  private final LongLongMap firstSeen = new LongLongMap();
  // with a state: the claimant of each key of the chunk being read, or UNCLAIMED
  private Map<Long, Long> prepared = new HashMap<>();

  /**
   * @param scan the pre-scan, which {@link DuplicatePolicy#LATEST} needs
   */
  Deduplication(DuplicatePolicy policy, EmailKey key, ContactScan scan) {
    this(policy, key, scan, Optional.empty());
  }

  /**
   * @param state where first claims are kept, when there is one
   */
  Deduplication(DuplicatePolicy policy, EmailKey key, ContactScan scan, Optional<SyncRun> state) {
    this.policy = policy;
    this.key = key;
    this.scan = scan;
    this.state = state;
  }

  /** Looks up, in one query, the first claims of the keys of the contacts about to be checked. */
  void prepare(List<HubSpotContact> contacts) {
    if (state.isEmpty() || policy == DuplicatePolicy.LATEST) {
      return;
    }
    List<Long> keys = new ArrayList<>(contacts.size());
    for (HubSpotContact c : contacts) {
      key.of(c).ifPresent(keys::add);
    }
    Map<Long, Long> claimed = state.get().claimants(keys);
    prepared = new HashMap<>();
    for (Long k : keys) {
      prepared.put(k, claimed.getOrDefault(k, UNCLAIMED));
    }
  }

  /**
   * Checks a contact. A contact whose id is not a number is named by its record number in the
   * source, which both reads of the contacts agree on.
   *
   * @throws DuplicateRecordException naming the contact imported instead, when this one is not
   */
  void check(HubSpotContact contact) {
    OptionalLong k = key.of(contact);
    if (k.isEmpty()) {
      return; // no email: the mapping rejects it
    }
    long self = RecordRefs.of(contact.id(), contact.position().record());
    if (policy == DuplicatePolicy.LATEST) {
      long latest = scan.latest(k.getAsLong(), self);
      if (latest != self) {
        throw duplicate(contact, latest, "HubSpot modified more recently");
      }
      return;
    }
    long first = first(k.getAsLong(), self);
    if (first != self) {
      throw duplicate(contact, first, "comes first");
    }
  }

  /** The first contact with this key: {@code self} when there was none before it. */
  private long first(long k, long self) {
    if (state.isEmpty()) {
      long first = firstSeen.get(k, Long.MIN_VALUE);
      if (first == Long.MIN_VALUE) {
        firstSeen.put(k, self);
        return self;
      }
      return first;
    }
    Long first = prepared.get(k);
    if (first == null) { // not prepared (a contact checked again later): one look-up
      first = state.get().claimants(List.of(k)).getOrDefault(k, UNCLAIMED);
    }
    if (first == UNCLAIMED) {
      state.get().claim(k, self);
      prepared.put(k, self);
      return self;
    }
    return first;
  }

  private static DuplicateRecordException duplicate(HubSpotContact c, long kept, String why) {
    return new DuplicateRecordException(
        "contact "
            + c.id()
            + " has the same email as "
            + RecordRefs.describe(kept)
            + ", which "
            + why
            + " and is imported instead");
  }
}
