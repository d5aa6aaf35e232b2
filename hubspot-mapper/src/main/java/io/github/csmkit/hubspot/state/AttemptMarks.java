package io.github.csmkit.hubspot.state;

import io.github.csmkit.hubspot.internal.KeyFilter;
import io.github.csmkit.hubspot.state.internal.Db;
import io.github.csmkit.hubspot.state.internal.RecordQueries;
import io.github.csmkit.hubspot.state.internal.RunClaims;
import java.util.BitSet;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the current attempt of a run has read, for the records it did not read and for
 * de-duplication. Thread-safe.
 *
 * <ul>
 *   <li><b>Reads</b> are a bitmap of record ids, from the scope's first: one bit a record id in the
 *       scope's span (125 KB for a million), none for a record the state does not hold (it cannot
 *       be gone). A record is set when a classification finds it or a settle writes it ({@link
 *       #readRecord}); a HubSpot id marked on its own ({@link #read}) waits in a buffer of at most
 *       {@value #FLUSH} until queries of 500 find the records of all of them. Nothing is written,
 *       so a dry run keeps its reads the same way.
 *   <li><b>Claims</b> go to {@link RunClaims}' table of the run's connection {@value #FLUSH} at a
 *       time, in one transaction (a dry run keeps them in memory). Most keys a run asks about were
 *       never claimed (one contact per email): a filter of the keys this attempt claimed answers
 *       those without a query, so only keys perhaps claimed are looked up.
 * </ul>
 */
final class AttemptMarks {
  /** Marks buffered before they are written or looked up. */
  static final int FLUSH = 2_000;

  private final Db db;
  private final long scopeId;
  private final boolean inMemory;
  private final BitSet readRecords = new BitSet();
  // record ids a bit cannot hold (before the scope's first, or 2^31 past it): one entry each
  private final Set<Long> farRecords = new HashSet<>();
  // the scope's first record id when first needed (Long.MIN_VALUE until then)
  private long base = Long.MIN_VALUE;
  private final Map<ObjectType, Set<String>> pendingReads = new EnumMap<>(ObjectType.class);
  private final Map<Long, Long> claims = new LinkedHashMap<>();
  // every key claimed in this attempt, buffered or written (none of a dry run: all in memory)
  private final KeyFilter claimed;
  private long lookedUp;
  private int pending;
  private boolean begun;

  AttemptMarks(Db db, long scopeId, boolean inMemory) {
    this.db = db;
    this.scopeId = scopeId;
    this.inMemory = inMemory;
    this.claimed = inMemory ? null : new KeyFilter();
  }

  /** A HubSpot id read, its record (if the state has one) to be found with the next few. */
  synchronized void read(ObjectType type, String hubSpotId) {
    if (pending >= FLUSH) {
      resolveReads();
    }
    if (pendingReads.computeIfAbsent(type, t -> new HashSet<>()).add(hubSpotId)) {
      pending++;
    }
  }

  /** A stored record read, by its record id. */
  synchronized void readRecord(long recordId) {
    int bit = bit(recordId);
    if (bit >= 0) {
      readRecords.set(bit);
    } else {
      farRecords.add(recordId);
    }
  }

  /**
   * The bit of a record id: its distance from the scope's first record id, so that the bitmap spans
   * the scope's records and not the whole state's; -1 when it does not fit.
   */
  private int bit(long recordId) {
    if (base == Long.MIN_VALUE) {
      base =
          db.read("find the job's first record", c -> RecordQueries.firstRecordId(c, scopeId))
              .orElse(recordId);
    }
    long bit = recordId - base;
    return bit >= 0 && bit <= Integer.MAX_VALUE ? (int) bit : -1;
  }

  /** Whether this attempt read the stored record with this id. */
  synchronized boolean wasRead(long recordId) {
    resolveReads();
    int bit = bit(recordId);
    return bit >= 0 ? readRecords.get(bit) : farRecords.contains(recordId);
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
    if (inMemory) {
      return out;
    }
    Set<Long> rest = new HashSet<>();
    for (Long k : keys) {
      if (!out.containsKey(k) && claimed.mightContain(k)) {
        rest.add(k);
      }
    }
    if (!rest.isEmpty()) {
      begin();
      lookedUp += rest.size();
      out.putAll(db.read("read the run's claims", c -> RunClaims.claimants(c, scopeId, rest)));
    }
    return out;
  }

  /**
   * Claims a key that {@link #claimants} did not return (a key already written keeps its first
   * claimant in the database, while this buffer would answer with the new one until it is written).
   */
  synchronized void claim(long key, long claimant) {
    if (claims.size() >= FLUSH) {
      writeClaims(); // first: a failed write leaves this claim unmade, not half made
    }
    if (claims.putIfAbsent(key, claimant) == null && claimed != null) {
      claimed.add(key);
    }
  }

  /** Finds the records of the ids read on their own, and writes the claims buffered. */
  synchronized void flush() {
    resolveReads();
    writeClaims();
  }

  /** Forgets the marks (the run finished or closed). */
  synchronized void close() {
    readRecords.clear();
    farRecords.clear();
    base = Long.MIN_VALUE;
    pendingReads.clear();
    pending = 0;
    claims.clear();
    if (claimed != null) {
      claimed.clear();
    }
    if (begun) {
      begun = false;
      db.write(
          "forget the run's claims",
          c -> {
            RunClaims.clear(c, scopeId);
            return null;
          });
    }
  }

  /** How many claim keys were looked up in the state (the filter could not rule them out). */
  synchronized long lookedUp() {
    return lookedUp;
  }

  /**
   * How many marks are held on the heap: HubSpot ids waiting to be found, and claims waiting to be
   * written (all of a dry run's).
   */
  synchronized int buffered() {
    return pending + claims.size();
  }

  private void resolveReads() {
    if (pending == 0) {
      return;
    }
    pendingReads.forEach(
        (type, ids) ->
            db.read("find the records read", c -> RecordQueries.recordIds(c, scopeId, type, ids))
                .forEach(this::readRecord));
    pendingReads.clear();
    pending = 0;
  }

  private void writeClaims() {
    if (inMemory || claims.isEmpty()) {
      return;
    }
    begin();
    db.write(
        "record the run's claims",
        c -> {
          RunClaims.claim(c, scopeId, claims);
          return null;
        });
    claims.clear();
  }

  /** The table, on the run's connection, without what it claimed for this scope before. */
  private void begin() {
    if (!begun) {
      db.write(
          "prepare the run's claims",
          c -> {
            RunClaims.begin(c, db.dialect(), scopeId);
            return null;
          });
      begun = true;
    }
  }
}
