package io.github.csmkit.hubspot.migration;

import io.github.csmkit.hubspot.source.HubSpotRecord;
import io.github.csmkit.hubspot.source.SourceRecord;
import io.github.csmkit.hubspot.state.Delta;
import io.github.csmkit.hubspot.state.SourceSnapshot;
import io.github.csmkit.hubspot.state.StateReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The records of a source as a run with a sync state sends them: read {@value #CHUNK} at a time,
 * classified against the state with one look-up per {@value #CHUNK} ({@link StateReader#deltas}),
 * and those with nothing to send (unchanged, or not a failure when only failures are retried) left
 * out and counted. Records it cannot classify (an unreadable row, a record with no HubSpot id, one
 * the mapping rejects) pass through as they are for the engine to report. The plan of each record
 * passed on is kept until its outcome takes it.
 *
 * @param <T> the HubSpot record type
 */
final class DeltaFeed<T extends HubSpotRecord> implements Iterator<SourceRecord<T>> {
  /**
   * Records classified per look-up, and settled per transaction. Not more: the feed reads a whole
   * chunk before passing any on, so a source that fails mid-read (HubSpot's daily limit) must not
   * hold back more than a batch of what was read before it failed.
   */
  static final int CHUNK = 50;

  /** The snapshot of a record and where its memberships lead; empty when not classified. */
  record Tracked(SourceSnapshot snapshot, Map<String, String> links, Object mapped) {}

  private final Iterator<SourceRecord<T>> in;
  private final StateReader state;
  private final Consumer<List<T>> beforeTracking;
  private final Function<T, Optional<Tracked>> tracker;
  private final SyncTally tally;
  private final boolean retryFailedOnly;
  private final Map<SourceRecord<T>, Planned> plans =
      Collections.synchronizedMap(new IdentityHashMap<>());
  private final ArrayDeque<SourceRecord<T>> ready = new ArrayDeque<>();

  DeltaFeed(
      Iterator<SourceRecord<T>> in,
      StateReader state,
      Function<T, Optional<Tracked>> tracker,
      SyncTally tally,
      boolean retryFailedOnly) {
    this(in, state, chunk -> {}, tracker, tally, retryFailedOnly);
  }

  /**
   * @param beforeTracking given each chunk's readable records before they are tracked, one by one
   *     and in order (for look-ups that are cheaper per chunk than per record)
   */
  DeltaFeed(
      Iterator<SourceRecord<T>> in,
      StateReader state,
      Consumer<List<T>> beforeTracking,
      Function<T, Optional<Tracked>> tracker,
      SyncTally tally,
      boolean retryFailedOnly) {
    this.in = in;
    this.state = state;
    this.beforeTracking = beforeTracking;
    this.tracker = tracker;
    this.tally = tally;
    this.retryFailedOnly = retryFailedOnly;
  }

  /** The plan of a record this feed passed on, removed: each outcome takes its own once. */
  Optional<Planned> take(Object record) {
    return Optional.ofNullable(plans.remove(record));
  }

  /** The plan of a record this feed passed on, kept. */
  Optional<Planned> plan(Object record) {
    return Optional.ofNullable(plans.get(record));
  }

  @Override
  public boolean hasNext() {
    while (ready.isEmpty() && in.hasNext()) {
      fill();
    }
    return !ready.isEmpty();
  }

  @Override
  public SourceRecord<T> next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return ready.poll();
  }

  private void fill() {
    List<SourceRecord<T>> chunk = new ArrayList<>(CHUNK);
    List<T> readable = new ArrayList<>(CHUNK);
    while (chunk.size() < CHUNK && in.hasNext()) {
      SourceRecord<T> r = in.next();
      chunk.add(r);
      if (r instanceof SourceRecord.Parsed<T> p) {
        readable.add(p.value());
      }
    }
    beforeTracking.accept(readable);
    List<Tracked> tracked = new ArrayList<>(CHUNK);
    for (SourceRecord<T> r : chunk) {
      tracked.add(
          r instanceof SourceRecord.Parsed<T> p ? tracker.apply(p.value()).orElse(null) : null);
    }
    List<SourceSnapshot> snapshots = new ArrayList<>(CHUNK);
    tracked.stream().filter(t -> t != null).forEach(t -> snapshots.add(t.snapshot()));
    Iterator<Delta> deltas = state.deltas(snapshots).iterator();
    for (int i = 0; i < chunk.size(); i++) {
      Tracked t = tracked.get(i);
      if (t == null) {
        ready.add(chunk.get(i));
        continue;
      }
      Delta d = deltas.next();
      if (d.kind() == Delta.Kind.UNCHANGED) {
        tally.unchanged();
      } else if (retryFailedOnly && d.kind() != Delta.Kind.RETRY) {
        tally.skipped();
      } else {
        // tracked, so parsed: its modification time is the version settled
        HubSpotRecord value = ((SourceRecord.Parsed<T>) chunk.get(i)).value();
        plans.put(
            chunk.get(i), new Planned(t.snapshot(), d, t.links(), t.mapped(), Modified.of(value)));
        ready.add(chunk.get(i));
      }
    }
  }
}
