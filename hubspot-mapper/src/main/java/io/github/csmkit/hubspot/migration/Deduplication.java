package io.github.csmkit.hubspot.migration;

import io.github.csmkit.client.bulk.DuplicateRecordException;
import io.github.csmkit.hubspot.internal.LongLongMap;
import io.github.csmkit.hubspot.internal.RecordRefs;
import io.github.csmkit.hubspot.source.HubSpotContact;
import java.util.OptionalLong;

/**
 * Decides, once per contact and on one key ({@link EmailKey}, the mapping's email property), which
 * of several contacts with one email is imported: the first seen, or the one HubSpot modified last.
 * Not thread-safe: the engine maps records on one thread.
 */
final class Deduplication {
  private final DuplicatePolicy policy;
  private final EmailKey key;
  private final ContactScan scan;
  private final LongLongMap firstSeen = new LongLongMap();

  /**
   * @param scan the pre-scan, which {@link DuplicatePolicy#LATEST} needs
   */
  Deduplication(DuplicatePolicy policy, EmailKey key, ContactScan scan) {
    this.policy = policy;
    this.key = key;
    this.scan = scan;
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
    long first = firstSeen.get(k.getAsLong(), Long.MIN_VALUE);
    if (first == Long.MIN_VALUE) {
      firstSeen.put(k.getAsLong(), self);
    } else {
      throw duplicate(contact, first, "comes first");
    }
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
