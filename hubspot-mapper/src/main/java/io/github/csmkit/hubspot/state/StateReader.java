package io.github.csmkit.hubspot.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Reads what the state holds for one job and site. Every method throws {@link SyncStateException}
 * on a database error.
 */
public interface StateReader {
  /**
   * The stored records with these HubSpot ids, looked up in batches.
   *
   * @param type contact or company
   * @param hubSpotIds the ids
   * @return HubSpot id to record; ids the state does not hold are absent
   */
  Map<String, StoredRecord> records(ObjectType type, Collection<String> hubSpotIds);

  /**
   * Classifies a batch of records against what the state holds: one look-up per type for the whole
   * batch, then {@link DeltaPlanner#classify} for each.
   *
   * @param batch the records as this run would send them (typically 50)
   * @return the deltas, one per snapshot, in the batch's order
   */
  default List<Delta> deltas(List<SourceSnapshot> batch) {
    Map<ObjectType, List<String>> ids = new EnumMap<>(ObjectType.class);
    for (SourceSnapshot s : batch) {
      ids.computeIfAbsent(s.type(), t -> new ArrayList<>()).add(s.hubSpotId());
    }
    Map<ObjectType, Map<String, StoredRecord>> stored = new EnumMap<>(ObjectType.class);
    ids.forEach((type, list) -> stored.put(type, records(type, list)));
    List<Delta> out = new ArrayList<>(batch.size());
    for (SourceSnapshot s : batch) {
      out.add(DeltaPlanner.classify(s, stored.get(s.type()).get(s.hubSpotId())));
    }
    return out;
  }

  /**
   * One stored record.
   *
   * @param type contact or company
   * @param hubSpotId the id
   * @return the record, empty when the state does not hold it
   */
  default Optional<StoredRecord> record(ObjectType type, String hubSpotId) {
    return Optional.ofNullable(records(type, List.of(hubSpotId)).get(hubSpotId));
  }

  /**
   * Every stored record of a type, in the order they were first stored, read a page at a time
   * (memory stays bounded). The action must not write to the state.
   *
   * @param type contact or company
   * @param action what to do with each
   */
  void forEachRecord(ObjectType type, Consumer<StoredRecord> action);

  /**
   * Every stored record of a type whose last attempt failed or was rejected (what {@code
   * --retry-failed} sends), paged like {@link #forEachRecord}. The action must not write.
   *
   * @param type contact or company
   * @param action what to do with each
   */
  void forEachRetry(ObjectType type, Consumer<StoredRecord> action);

  /**
   * Every stored record of a type imported without a known CSM id (created, its id not yet fetched
   * back), paged like {@link #forEachRecord}; a database reads only those. The action must not
   * write.
   *
   * @param type contact or company
   * @param action what to do with each
   */
  default void forEachWithoutCsmId(ObjectType type, Consumer<StoredRecord> action) {
    forEachRecord(
        type,
        r -> {
          if (r.outcome() == Outcome.IMPORTED && r.csmId().isEmpty() && r.identity().isPresent()) {
            action.accept(r);
          }
        });
  }

  /**
   * Every stored record of a type a source did not have ({@link DeltaPlanner#gone}), in the order
   * they were first stored; a database reads the ids alone and loads only the records not seen. The
   * action must not write.
   *
   * @param type contact or company
   * @param seen whether the source had a HubSpot id
   * @param action what to do with each record not seen
   */
  default void forEachGone(ObjectType type, Predicate<String> seen, Consumer<StoredRecord> action) {
    forEachRecord(
        type,
        r -> {
          if (!seen.test(r.hubSpotId())) {
            action.accept(r);
          }
        });
  }

  /**
   * Whether any stored record of a type holds this hash for a field, such as the marker of a value
   * CSM still has and HubSpot cleared; a database answers in one query.
   *
   * @param type contact or company
   * @param hash 32 hex digits
   * @return true when one does
   */
  default boolean holdsFieldHash(ObjectType type, String hash) {
    boolean[] found = {false};
    forEachRecord(type, r -> found[0] |= r.fieldHashes().containsValue(hash));
    return found[0];
  }

  /**
   * How many records of a type the state holds.
   *
   * @param type contact or company
   * @return the count
   */
  long count(ObjectType type);

  /**
   * The watermark of incremental syncs: every HubSpot change up to it has settled.
   *
   * @param type contact or company
   * @return the watermark, empty before the first incremental sync
   */
  Optional<Instant> watermark(ObjectType type);
}
