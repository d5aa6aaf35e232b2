package io.github.csmkit.hubspot.state;

import io.github.csmkit.hubspot.state.internal.Db;
import io.github.csmkit.hubspot.state.internal.RecordQueries;
import io.github.csmkit.hubspot.state.internal.RecordStore;
import io.github.csmkit.hubspot.state.internal.RunLock;
import io.github.csmkit.hubspot.state.internal.RunStore;
import java.time.Clock;
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
 * One run of a job on a site, from {@link SyncState#beginRun}: it holds the job's lock until {@link
 * #close()}, reads the state, and settles records in transactions. A run closed without {@link
 * #finish} (or whose process died) stays {@link RunStatus#RUNNING} and is resumed, with the same
 * {@link #runId()}, by the next run of its job. Not for concurrent use by several threads without
 * external ordering (each call is atomic on its own).
 */
public final class SyncRun implements StateReader, AutoCloseable {
  private final Db db;
  private final Clock clock;
  private final long scopeId;
  private final RunInfo started;
  private final boolean resumed;
  private final RunLock lock;
  private final ScopeReader reader;
  private final AttemptMarks marks;
  private boolean finished;
  private boolean closed;

  SyncRun(Db db, Clock clock, long scopeId, RunInfo started, boolean resumed, RunLock lock) {
    this.db = db;
    this.clock = clock;
    this.scopeId = scopeId;
    this.started = started;
    this.resumed = resumed;
    this.lock = lock;
    this.reader =
        new ScopeReader(db, started.jobId(), started.site(), java.util.OptionalLong.of(scopeId));
    this.marks = new AttemptMarks(db, scopeId, started.dryRun());
  }

  /**
   * The run's id: unique, and the same when an unfinished run is resumed, so idempotency keys
   * derived from it are unique to the run and stable across its resume.
   *
   * @return the id (a UUID)
   */
  public String runId() {
    return started.runId();
  }

  /**
   * The run as it was when this run began (or resumed).
   *
   * @return its row
   */
  public RunInfo info() {
    return started;
  }

  /**
   * Whether this run continues one that did not finish.
   *
   * @return true when resumed
   */
  public boolean resumed() {
    return resumed;
  }

  /**
   * Whether this is a plan: it reads, writes no record and no watermark.
   *
   * @return true for a dry run
   */
  public boolean dryRun() {
    return started.dryRun();
  }

  /**
   * Writes how records ended, in one transaction: all of them or, on an error, none.
   *
   * @param settlements the records (a batch, typically 50)
   * @throws IllegalStateException on a dry run, or a run finished or closed
   * @throws SyncStateException on a database error (nothing was written)
   */
  public void settle(List<Settlement> settlements) {
    checkWritable("settle records");
    if (settlements.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    Map<ObjectType, List<String>> ids = new EnumMap<>(ObjectType.class);
    for (Settlement s : settlements) {
      ids.computeIfAbsent(s.type(), t -> new ArrayList<>()).add(s.hubSpotId());
    }
    List<Long> recordIds =
        db.write(
            "settle " + settlements.size() + " records",
            c -> {
              RecordStore.settle(c, scopeId, runId(), now, settlements);
              List<Long> out = new ArrayList<>(settlements.size());
              for (Map.Entry<ObjectType, List<String>> e : ids.entrySet()) {
                out.addAll(RecordQueries.recordIds(c, scopeId, e.getKey(), e.getValue()));
              }
              return out;
            });
    // this attempt read them, though some may be new to the state
    recordIds.forEach(marks::readRecord);
  }

  /**
   * Records the CSM ids of records already settled, learned by fetching back what was created
   * (CSM's tasks report failures only, never the ids they gave). Hashes, memberships and outcomes
   * stay as they are. One transaction.
   *
   * @param type contact or company
   * @param csmIds HubSpot id to CSM id
   * @return how many records were updated; ids the state does not hold are ignored
   * @throws IllegalStateException on a dry run, or a run finished or closed
   * @throws SyncStateException on a database error (nothing was written)
   */
  public int learnCsmIds(ObjectType type, Map<String, String> csmIds) {
    checkWritable("record CSM ids");
    if (csmIds.isEmpty()) {
      return 0;
    }
    return db.write(
        "record " + csmIds.size() + " CSM ids",
        c -> RecordStore.learnIds(c, scopeId, type, csmIds));
  }

  /**
   * Moves the watermark of an object type: call it only when every record changed up to it has
   * settled.
   *
   * @param type contact or company
   * @param watermark the new watermark
   * @throws IllegalStateException on a dry run, or a run finished or closed
   * @throws SyncStateException on a database error
   */
  public void setWatermark(ObjectType type, Instant watermark) {
    checkWritable("move the watermark");
    Instant now = clock.instant();
    db.write(
        "move the watermark",
        c -> {
          RunStore.setWatermark(c, scopeId, type, watermark, runId(), now);
          return null;
        });
  }

  /**
   * Notes that this attempt of the run read a record, for {@link #forEachUnread}. Records this run
   * classifies ({@link #deltas}) are read by that alone; mark the others (a record the mapping
   * refuses, say). A run keeps one bit per record id of the state and none for records it does not
   * hold; the marks belong to this attempt alone (a resumed run starts with none) and are dropped
   * when the run finishes.
   *
   * @param type contact or company
   * @param hubSpotId its HubSpot id
   * @throws IllegalStateException when the run is finished or closed
   * @throws SyncStateException on a database error
   */
  public void markRead(ObjectType type, String hubSpotId) {
    checkOpen("mark a record read");
    marks.read(type, hubSpotId);
  }

  /**
   * The records of the state this attempt did not read ({@link #markRead}, {@link #deltas}), in the
   * order they were first stored: after a complete read of a source, the records it no longer has.
   *
   * @param type contact or company
   * @param action what to do with each
   * @throws IllegalStateException when the run is finished or closed
   * @throws SyncStateException on a database error
   */
  public void forEachUnread(ObjectType type, Consumer<StoredRecord> action) {
    checkOpen("read the records not read");
    marks.flush();
    reader.forEachUnread(type, marks::wasRead, action);
  }

  /**
   * The first claimants of keys, for de-duplicating this attempt's input by a key (a contact's
   * email) without holding every key on the heap: claims are written to a temporary table of the
   * run's connection a few thousand at a time (a dry run keeps them in memory), and belong to this
   * attempt alone. A key no claim of this attempt can match is answered without a query.
   *
   * @param keys the keys
   * @return key to its first claimant, for the keys claimed before
   * @throws IllegalStateException when the run is finished or closed
   * @throws SyncStateException on a database error
   */
  public Map<Long, Long> claimants(Collection<Long> keys) {
    checkOpen("read claims");
    return marks.claimants(keys);
  }

  /**
   * Claims a key that {@link #claimants} did not return: its claimant is then the first.
   *
   * @param key the key
   * @param claimant who claims it (for example a reference to a record)
   * @throws IllegalStateException when the run is finished or closed
   * @throws SyncStateException on a database error
   */
  public void claim(long key, long claimant) {
    checkOpen("claim a key");
    marks.claim(key, claimant);
  }

  /**
   * Ends the run with its counts; a {@link RunStatus#COMPLETED completed} or {@link
   * RunStatus#ABORTED aborted} run is never resumed. A dry run records its counts too.
   *
   * @param status {@code COMPLETED} or {@code ABORTED}
   * @param counts what it did
   * @throws IllegalArgumentException for {@code RUNNING}
   * @throws IllegalStateException when already finished or closed
   * @throws SyncStateException on a database error
   */
  public synchronized void finish(RunStatus status, RunCounts counts) {
    if (status == RunStatus.RUNNING) {
      throw new IllegalArgumentException("a run ends COMPLETED or ABORTED");
    }
    checkOpen("finish");
    Instant now = clock.instant();
    db.write(
        "finish the run",
        c -> {
          RunStore.finish(c, runId(), status, counts, now);
          return null;
        });
    finished = true;
    try {
      marks.close();
    } catch (SyncStateException e) {
      // the run has finished: its marks are temporary, and the next attempt clears them anyway
    }
  }

  private synchronized void checkOpen(String what) {
    if (closed || finished) {
      throw new IllegalStateException(
          "run " + runId() + " is " + (closed ? "closed" : "finished") + ": cannot " + what);
    }
  }

  private void checkWritable(String what) {
    if (dryRun()) {
      throw new IllegalStateException("a dry run writes nothing: cannot " + what);
    }
    checkOpen(what);
  }

  @Override
  public Map<String, StoredRecord> records(ObjectType type, Collection<String> hubSpotIds) {
    return reader.records(type, hubSpotIds);
  }

  /**
   * {@inheritDoc} Each record the state holds of the batch is then read by this attempt ({@link
   * #forEachUnread}).
   */
  @Override
  public List<Delta> deltas(List<SourceSnapshot> batch) {
    return reader.deltas(batch, marks::readRecord);
  }

  @Override
  public void forEachRecord(ObjectType type, Consumer<StoredRecord> action) {
    reader.forEachRecord(type, action);
  }

  @Override
  public void forEachRetry(ObjectType type, Consumer<StoredRecord> action) {
    reader.forEachRetry(type, action);
  }

  @Override
  public void forEachWithoutCsmId(ObjectType type, Consumer<StoredRecord> action) {
    reader.forEachWithoutCsmId(type, action);
  }

  @Override
  public void forEachGone(ObjectType type, Predicate<String> seen, Consumer<StoredRecord> action) {
    reader.forEachGone(type, seen, action);
  }

  @Override
  public boolean holdsFieldHash(ObjectType type, String hash) {
    return reader.holdsFieldHash(type, hash);
  }

  @Override
  public long count(ObjectType type) {
    return reader.count(type);
  }

  @Override
  public Optional<Instant> watermark(ObjectType type) {
    return reader.watermark(type);
  }

  /** Releases the job's lock. A run not {@link #finish finished} stays resumable. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      try {
        marks.close();
      } catch (SyncStateException e) {
        // the marks are temporary tables of the connection: they go with it
      } finally {
        lock.close();
      }
    }
  }

  /** The marks, for tests of their buffer. */
  AttemptMarks marks() {
    return marks;
  }

  @Override
  public String toString() {
    return "SyncRun[" + runId() + ", job " + started.jobId() + ", site " + started.site() + "]";
  }
}
