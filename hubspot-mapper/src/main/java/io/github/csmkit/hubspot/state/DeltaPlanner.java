package io.github.csmkit.hubspot.state;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Classifies records against the state: pure, no I/O. A record not in the state is {@link
 * Delta.Kind#NEW NEW}; one whose last attempt failed or was rejected is {@link Delta.Kind#RETRY
 * RETRY}; one imported before is {@link Delta.Kind#CHANGED CHANGED} when a field's hash, its
 * identity (email or name) or its memberships differ from what CSM last accepted, else {@link
 * Delta.Kind#UNCHANGED UNCHANGED}. Stored records a complete source no longer has are {@link #gone
 * gone}.
 */
public final class DeltaPlanner {
  private DeltaPlanner() {}

  /**
   * Classifies one record.
   *
   * @param current the record as this run would send it
   * @param stored what the state holds for it, or null when it holds nothing
   * @return the delta
   * @throws IllegalArgumentException when {@code stored} is about another record
   */
  public static Delta classify(SourceSnapshot current, StoredRecord stored) {
    Objects.requireNonNull(current, "current");
    Map<String, String> hashes = FieldHashes.of(current.fields());
    if (stored == null) {
      return new Delta(
          Delta.Kind.NEW,
          Optional.empty(),
          hashes.keySet(),
          Set.of(),
          current.memberships(),
          Set.of(),
          Optional.empty(),
          hashes);
    }
    if (stored.type() != current.type() || !stored.hubSpotId().equals(current.hubSpotId())) {
      throw new IllegalArgumentException(
          "stored record "
              + stored.type()
              + " "
              + stored.hubSpotId()
              + " is not "
              + current.type()
              + " "
              + current.hubSpotId());
    }
    Set<String> changed = new LinkedHashSet<>();
    hashes.forEach(
        (field, hash) -> {
          if (!hash.equals(stored.fieldHashes().get(field))) {
            changed.add(field);
          }
        });
    Set<String> cleared = new LinkedHashSet<>(stored.fieldHashes().keySet());
    cleared.removeAll(hashes.keySet());
    Set<String> added = new LinkedHashSet<>(current.memberships());
    added.removeAll(stored.memberships());
    Set<String> removed = new LinkedHashSet<>(stored.memberships());
    removed.removeAll(current.memberships());
    Optional<Delta.IdentityChange> identity =
        stored
            .identity()
            .filter(previous -> !sameIdentity(current.type(), previous, current.identity()))
            .map(previous -> new Delta.IdentityChange(previous, current.identity()));
    Delta.Kind kind;
    if (stored.outcome() != Outcome.IMPORTED) {
      kind = Delta.Kind.RETRY;
    } else if (changed.isEmpty()
        && cleared.isEmpty()
        && added.isEmpty()
        && removed.isEmpty()
        && identity.isEmpty()) {
      kind = Delta.Kind.UNCHANGED;
    } else {
      kind = Delta.Kind.CHANGED;
    }
    if (stored.csmId().isEmpty()) {
      // never created in CSM: whatever the state says, everything is to be sent
      changed.addAll(hashes.keySet());
      cleared.clear();
      added.addAll(current.memberships());
    }
    return new Delta(kind, stored.csmId(), changed, cleared, added, removed, identity, hashes);
  }

  /**
   * The stored records a complete source did not have: reported with their CSM ids, never deleted
   * by default. Only meaningful when the source was complete (a full export or a full read), not an
   * incremental one.
   *
   * @param stored the state's records of one type, for example from {@link
   *     StateReader#forEachRecord}
   * @param seen whether the source had a HubSpot id
   * @return the records not seen, in the order given
   */
  public static List<StoredRecord> gone(Iterable<StoredRecord> stored, Predicate<String> seen) {
    List<StoredRecord> out = new ArrayList<>();
    for (StoredRecord r : stored) {
      if (!seen.test(r.hubSpotId())) {
        out.add(r);
      }
    }
    return out;
  }

  /** Emails compare without case (CSM folds them); names exactly (a case change is a rename). */
  private static boolean sameIdentity(ObjectType type, String previous, String current) {
    return type == ObjectType.CONTACT
        ? previous.equalsIgnoreCase(current)
        : previous.equals(current);
  }
}
