package io.github.csmkit.hubspot.migration;

import io.github.csmkit.hubspot.state.Delta;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts one phase's records by class as they end (from the engine's threads), and keeps a few
 * examples of the records that were gone or partially imported.
 */
final class SyncTally {
  static final int MAX_EXAMPLES = 1_000;

  private enum Slot {
    CREATED,
    UPDATED,
    UNCHANGED,
    RETRIED,
    FAILED,
    REJECTED,
    SKIPPED,
    GONE,
    PARTIAL
  }

  private final AtomicLongArray counts = new AtomicLongArray(Slot.values().length);
  private final List<String> gone = new ArrayList<>();
  private final List<String> partial = new ArrayList<>();

  /** A record accepted by CSM, counted by what the run did with it. */
  void imported(Delta.Kind kind) {
    add(
        switch (kind) {
          case NEW -> Slot.CREATED;
          case CHANGED -> Slot.UPDATED;
          case RETRY -> Slot.RETRIED;
          case UNCHANGED -> Slot.UNCHANGED; // never sent: unreachable in practice
        });
  }

  void created() {
    add(Slot.CREATED);
  }

  void unchanged() {
    add(Slot.UNCHANGED);
  }

  void skipped() {
    add(Slot.SKIPPED);
  }

  void failed() {
    add(Slot.FAILED);
  }

  void rejected() {
    add(Slot.REJECTED);
  }

  synchronized void gone(String example) {
    add(Slot.GONE);
    if (gone.size() < MAX_EXAMPLES) {
      gone.add(example);
    }
  }

  synchronized void partial(String example) {
    add(Slot.PARTIAL);
    if (partial.size() < MAX_EXAMPLES) {
      partial.add(example);
    }
  }

  synchronized List<String> goneExamples() {
    return List.copyOf(gone);
  }

  synchronized List<String> partialExamples() {
    return List.copyOf(partial);
  }

  SyncCounts counts() {
    return new SyncCounts(
        get(Slot.CREATED),
        get(Slot.UPDATED),
        get(Slot.UNCHANGED),
        get(Slot.RETRIED),
        get(Slot.FAILED),
        get(Slot.REJECTED),
        get(Slot.SKIPPED),
        get(Slot.GONE),
        get(Slot.PARTIAL));
  }

  private void add(Slot s) {
    counts.incrementAndGet(s.ordinal());
  }

  private long get(Slot s) {
    return counts.get(s.ordinal());
  }
}
