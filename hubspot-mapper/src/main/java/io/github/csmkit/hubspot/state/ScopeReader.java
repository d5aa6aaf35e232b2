package io.github.csmkit.hubspot.state;

import io.github.csmkit.hubspot.state.internal.Db;
import io.github.csmkit.hubspot.state.internal.RecordStore;
import io.github.csmkit.hubspot.state.internal.RunStore;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/** Reads one job and site; a job the state has never seen reads as empty. */
final class ScopeReader implements StateReader {
  private static final int PAGE = 500;

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

  @Override
  public void forEachRecord(ObjectType type, Consumer<StoredRecord> action) {
    forEach(type, false, action);
  }

  @Override
  public void forEachRetry(ObjectType type, Consumer<StoredRecord> action) {
    forEach(type, true, action);
  }

  private void forEach(ObjectType type, boolean retriesOnly, Consumer<StoredRecord> action) {
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
              c -> RecordStore.page(c, scope.getAsLong(), type, from, PAGE, retriesOnly));
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
