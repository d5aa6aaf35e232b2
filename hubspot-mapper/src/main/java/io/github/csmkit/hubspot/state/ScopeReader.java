package io.github.csmkit.hubspot.state;

import io.github.csmkit.hubspot.state.internal.Db;
import io.github.csmkit.hubspot.state.internal.RecordDigest;
import io.github.csmkit.hubspot.state.internal.RecordQueries;
import io.github.csmkit.hubspot.state.internal.RecordStore;
import io.github.csmkit.hubspot.state.internal.RunStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.LongPredicate;
import java.util.function.Predicate;

/** Reads one job and site; a job the state has never seen reads as empty. */
final class ScopeReader implements StateReader {
  private static final int PAGE = 500;
  // ids alone are small: bigger pages, fewer queries
  private static final int ID_PAGE = 5000;

  private final Db db;
  private final String jobId;
  private final String site;
  private volatile OptionalLong scopeId;

  ScopeReader(Db db, String jobId, String site, OptionalLong scopeId) {
    this.db = db;
    this.jobId = jobId;
    this.site = site;
    this.scopeId = scopeId;
  }

  private OptionalLong scope() {
    if (scopeId.isEmpty()) {
      scopeId = db.read("read the job", c -> RunStore.findScope(c, jobId, site));
    }
    return scopeId;
  }

  @Override
  public Map<String, StoredRecord> records(ObjectType type, Collection<String> hubSpotIds) {
    OptionalLong scope = scope();
    if (scope.isEmpty() || hubSpotIds.isEmpty()) {
      return Map.of();
    }
    return db.read("read records", c -> RecordStore.load(c, scope.getAsLong(), type, hubSpotIds));
  }

  /**
   * Classifies a batch in two steps: the records whose digest is the one settled are unchanged,
   * known from the records alone; only the others are read whole (field hashes, memberships) and
   * compared field by field, as {@link StateReader#deltas} does for every record.
   */
  @Override
  public List<Delta> deltas(List<SourceSnapshot> batch) {
    return deltas(batch, recordId -> {});
  }

  /** {@link #deltas(List)}, giving {@code found} the record id of each record the state holds. */
  List<Delta> deltas(List<SourceSnapshot> batch, LongConsumer found) {
    OptionalLong scope = scope();
    if (scope.isEmpty() || batch.isEmpty()) {
      return StateReader.super.deltas(batch);
    }
    List<Map<String, String>> hashes = new ArrayList<>(batch.size());
    Map<ObjectType, Map<String, byte[]>> digests = new EnumMap<>(ObjectType.class);
    for (SourceSnapshot s : batch) {
      Map<String, String> h = FieldHashes.of(s.fields());
      hashes.add(h);
      byte[] d = RecordDigest.of(s.identity(), h, s.memberships());
      // an id twice in a batch with other contents matches no digest: compared in full
      digests
          .computeIfAbsent(s.type(), t -> new HashMap<>())
          .merge(s.hubSpotId(), d, (a, b) -> Arrays.equals(a, b) ? a : new byte[0]);
    }
    Map<ObjectType, Map<String, String>> unchanged = new EnumMap<>(ObjectType.class);
    List<Long> foundIds = new ArrayList<>(batch.size());
    digests.forEach(
        (type, byId) ->
            unchanged.put(
                type,
                db.read(
                    "read records",
                    c ->
                        RecordQueries.unchanged(c, scope.getAsLong(), type, byId, foundIds::add))));
    // given once the connection is free: found may take its own locks, and use the state
    foundIds.forEach(found::accept);
    List<SourceSnapshot> rest = new ArrayList<>();
    for (SourceSnapshot s : batch) {
      if (!unchanged.get(s.type()).containsKey(s.hubSpotId())) {
        rest.add(s);
      }
    }
    Iterator<Delta> compared = StateReader.super.deltas(rest).iterator();
    List<Delta> out = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      SourceSnapshot s = batch.get(i);
      String csmId = unchanged.get(s.type()).get(s.hubSpotId());
      out.add(
          csmId == null
              ? compared.next()
              : new Delta(
                  Delta.Kind.UNCHANGED,
                  Optional.of(csmId),
                  Set.of(),
                  Set.of(),
                  Set.of(),
                  Set.of(),
                  Optional.empty(),
                  hashes.get(i)));
    }
    return out;
  }

  @Override
  public void forEachRecord(ObjectType type, Consumer<StoredRecord> action) {
    forEach(type, RecordStore.Filter.ALL, action);
  }

  @Override
  public void forEachRetry(ObjectType type, Consumer<StoredRecord> action) {
    forEach(type, RecordStore.Filter.RETRIES, action);
  }

  @Override
  public void forEachWithoutCsmId(ObjectType type, Consumer<StoredRecord> action) {
    forEach(type, RecordStore.Filter.WITHOUT_CSM_ID, action);
  }

  @Override
  public void forEachGone(ObjectType type, Predicate<String> seen, Consumer<StoredRecord> action) {
    forEachOfIdPages(type, (recordId, hubSpotId) -> !seen.test(hubSpotId), action);
  }

  /** The records whose record id was not read ({@link AttemptMarks}). */
  void forEachUnread(ObjectType type, LongPredicate read, Consumer<StoredRecord> action) {
    forEachOfIdPages(type, (recordId, hubSpotId) -> !read.test(recordId), action);
  }

  /** Which records of a page of ids to load. */
  @FunctionalInterface
  private interface Keep {
    boolean test(long recordId, String hubSpotId);
  }

  /** Pages through ids (the ids alone are small), then loads only the records kept. */
  private void forEachOfIdPages(ObjectType type, Keep keep, Consumer<StoredRecord> action) {
    OptionalLong scope = scope();
    if (scope.isEmpty()) {
      return;
    }
    long after = 0;
    while (true) {
      long from = after;
      List<Map.Entry<Long, String>> page =
          db.read(
              "read record ids",
              c -> RecordQueries.idPage(c, scope.getAsLong(), type, from, ID_PAGE));
      List<String> kept = new ArrayList<>();
      for (Map.Entry<Long, String> e : page) {
        if (keep.test(e.getKey(), e.getValue())) {
          kept.add(e.getValue());
        }
        after = e.getKey();
      }
      Map<String, StoredRecord> found = records(type, kept);
      for (String id : kept) { // in the order they were stored
        StoredRecord r = found.get(id);
        if (r != null) {
          action.accept(r);
        }
      }
      if (page.size() < ID_PAGE) {
        return;
      }
    }
  }

  @Override
  public boolean holdsFieldHash(ObjectType type, String hash) {
    OptionalLong scope = scope();
    return scope.isPresent()
        && db.read(
            "look for a field hash",
            c -> RecordQueries.holdsFieldHash(c, scope.getAsLong(), type, hash));
  }

  private void forEach(ObjectType type, RecordStore.Filter filter, Consumer<StoredRecord> action) {
    OptionalLong scope = scope();
    if (scope.isEmpty()) {
      return;
    }
    long after = 0;
    while (true) {
      long from = after;
      List<Map.Entry<Long, StoredRecord>> page =
          db.read(
              "read records",
              c -> RecordStore.page(c, scope.getAsLong(), type, from, PAGE, filter));
      for (Map.Entry<Long, StoredRecord> e : page) {
        action.accept(e.getValue());
        after = e.getKey();
      }
      if (page.size() < PAGE) {
        return;
      }
    }
  }

  @Override
  public long count(ObjectType type) {
    OptionalLong scope = scope();
    return scope.isEmpty()
        ? 0
        : db.read("count records", c -> RecordStore.count(c, scope.getAsLong(), type));
  }

  @Override
  public Optional<Instant> watermark(ObjectType type) {
    OptionalLong scope = scope();
    return scope.isEmpty()
        ? Optional.empty()
        : db.read("read the watermark", c -> RunStore.watermark(c, scope.getAsLong(), type));
  }
}
