package io.github.csmkit.hubspot.state;

import io.github.csmkit.hubspot.state.internal.Db;
import io.github.csmkit.hubspot.state.internal.RunMarks;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A run's marks ({@link RunMarks}) with a bounded write buffer: marks are written {@value #FLUSH}
 * at a time, in one transaction, so a run pays one write per {@value #FLUSH} marks and holds at
 * most that many on the heap. A dry run writes nothing: its marks stay in memory. Thread-safe.
 */
final class AttemptMarks {
  /** Marks buffered before they are written. */
  static final int FLUSH = 2_000;

  private final Db db;
  private final long scopeId;
  private final boolean inMemory;
  private final Map<ObjectType, Set<String>> reads = new EnumMap<>(ObjectType.class);
  private final Map<Long, Long> claims = new LinkedHashMap<>();
  private int buffered;
  private boolean begun;

  AttemptMarks(Db db, long scopeId, boolean inMemory) {
    this.db = db;
    this.scopeId = scopeId;
    this.inMemory = inMemory;
  }

  synchronized void read(ObjectType type, String hubSpotId) {
    flushWhenFull(); // first: a mark is kept only once the marks before it are written
    if (reads.computeIfAbsent(type, t -> new HashSet<>()).add(hubSpotId)) {
      buffered++;
    }
  }

  /** The claimants of keys claimed before; keys not claimed are absent. */
  synchronized Map<Long, Long> claimants(Collection<Long> keys) {
    Map<Long, Long> out = new HashMap<>();
    for (Long k : keys) {
      Long v = claims.get(k);
      if (v != null) {
        out.put(k, v);
      }
    }
    if (!inMemory && out.size() < keys.size()) {
      begin();
      Set<Long> rest = new HashSet<>(keys);
      rest.removeAll(out.keySet());
      out.putAll(db.read("read the run's claims", c -> RunMarks.claimants(c, scopeId, rest)));
    }
    return out;
  }

  /**
   * Claims a key that {@link #claimants} did not return (a key already written keeps its first
   * claimant in the database, while this buffer would answer with the new one until it is written).
   */
  synchronized void claim(long key, long claimant) {
    flushWhenFull(); // first: a failed write leaves this claim unmade, not half made
    if (claims.putIfAbsent(key, claimant) == null) {
      buffered++;
    }
  }

  /** Whether a dry run read this record (a run that writes asks the state instead). */
  synchronized boolean readInMemory(ObjectType type, String hubSpotId) {
    return reads.getOrDefault(type, Set.of()).contains(hubSpotId);
  }

  boolean inMemory() {
    return inMemory;
  }

  /** Writes what is buffered (nothing on a dry run). */
  synchronized void flush() {
    if (inMemory) {
      return;
    }
    begin();
    if (buffered == 0) {
      return;
    }
    db.write(
        "record what the run read",
        c -> {
          RunMarks.read(c, scopeId, reads);
          RunMarks.claim(c, scopeId, claims);
          return null;
        });
    reads.clear();
    claims.clear();
    buffered = 0;
  }

  /** Forgets the marks (the run finished or closed). */
  synchronized void close() {
    reads.clear();
    claims.clear();
    buffered = 0;
    if (begun) {
      begun = false;
      db.write(
          "forget what the run read",
          c -> {
            RunMarks.clear(c, scopeId);
            return null;
          });
    }
  }

  /** How many marks are held on the heap, waiting to be written. */
  synchronized int buffered() {
    return buffered;
  }

  /** The tables, on the run's connection, without what it marked for this scope before. */
  private void begin() {
    if (!begun) {
      db.write(
          "prepare the run's marks",
          c -> {
            RunMarks.begin(c, db.dialect(), scopeId);
            return null;
          });
      begun = true;
    }
  }

  private void flushWhenFull() {
    if (buffered >= FLUSH) {
      flush();
    }
  }
}
