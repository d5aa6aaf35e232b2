package io.github.csmkit.hubspot.state;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

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
   * One stored record.
   *
   * @param type contact or company
   * @param hubSpotId the id
   * @return the record, empty when the state does not hold it
   */
  default Optional<StoredRecord> record(ObjectType type, String hubSpotId) {
    return Optional.ofNullable(records(type, java.util.List.of(hubSpotId)).get(hubSpotId));
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
