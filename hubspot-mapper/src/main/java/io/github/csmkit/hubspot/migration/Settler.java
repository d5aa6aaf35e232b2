package io.github.csmkit.hubspot.migration;

import io.github.csmkit.client.bulk.ImportReport.Stage;
import io.github.csmkit.client.bulk.OutcomeListener;
import io.github.csmkit.client.bulk.RecordOutcome;
import io.github.csmkit.hubspot.state.Delta;
import io.github.csmkit.hubspot.state.ObjectType;
import io.github.csmkit.hubspot.state.Settlement;
import io.github.csmkit.hubspot.state.SyncRun;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Settles the state from the engine's outcome stream: each record's outcome as a {@link
 * Settlement}, written one transaction per batch (at most 50 records), and counted in the phase's
 * tally. A record imported with fields to clear is settled with those fields still held (so a run
 * that dies before clearing them clears them next time) and handed to {@link #pendingClears()}. A
 * record whose batch was never sent is not settled: the next run sees it as before.
 */
final class Settler implements OutcomeListener<Object> {
  /** Hash held for a field CSM still has until its detail-value DELETE succeeds. */
  static final String NOT_CLEARED = "0".repeat(32);

  private static final Set<Stage> LOCAL =
      EnumSet.of(Stage.SOURCE, Stage.MAPPING, Stage.VALIDATION, Stage.DUPLICATE);

  /** A record imported whose cleared fields still need a detail-value DELETE. */
  record PendingClear(Planned plan, Settlement done) {}

  private final SyncRun run;
  private final ObjectType type;
  private final Function<Object, Optional<Planned>> plans;
  private final SyncTally tally;
  private final Function<Object, String> describe;
  private final List<Settlement> buffer = new ArrayList<>();
  private final List<PendingClear> pending = new ArrayList<>();
  private Optional<Integer> batch = Optional.empty();

  /**
   * @param plans takes the plan of an outcome's record
   * @param describe names a record in the report (its position)
   */
  Settler(
      SyncRun run,
      ObjectType type,
      Function<Object, Optional<Planned>> plans,
      SyncTally tally,
      Function<Object, String> describe) {
    this.run = run;
    this.type = type;
    this.plans = plans;
    this.tally = tally;
    this.describe = describe;
  }

  @Override
  public synchronized void outcome(RecordOutcome<?> o) {
    if (!o.batch().equals(batch) || buffer.size() >= DeltaFeed.CHUNK) {
      flush();
      batch = o.batch();
    }
    Optional<Planned> plan = plans.apply(o.record());
    if (o.imported()) {
      plan.ifPresentOrElse(p -> imported(p, o.record()), tally::created);
      return;
    }
    Stage stage = o.stage().orElseThrow();
    boolean local = LOCAL.contains(stage);
    if (local) {
      tally.rejected();
    } else {
      tally.failed();
    }
    if (plan.isEmpty() || stage == Stage.NOT_SUBMITTED) {
      return;
    }
    Planned p = plan.get();
    String id = p.snapshot().hubSpotId();
    String message = o.message() + identityNote(p.delta());
    buffer.add(
        versioned(
            p,
            local ? Settlement.rejected(type, id, message) : Settlement.failed(type, id, message)));
  }

  /** With the version of the record settled, when it has one (an incremental sync reads it). */
  private static Settlement versioned(Planned p, Settlement s) {
    return p.sourceModifiedAt().map(s::withSourceModifiedAt).orElse(s);
  }

  private void imported(Planned p, Object record) {
    Settlement done =
        versioned(
            p,
            Settlement.imported(
                type,
                p.snapshot().hubSpotId(),
                p.delta().csmId().orElse(null),
                p.snapshot().identity(),
                p.delta().fieldHashes(),
                p.settledMemberships()));
    if (p.fieldsToClear().isEmpty()) {
      tally.imported(p.delta().kind());
      Set<String> heldBack = p.heldBack();
      if (!heldBack.isEmpty()) {
        tally.partial(describe.apply(record) + ": not yet a member of " + heldBack);
      }
      buffer.add(done);
      return;
    }
    Map<String, String> held = new LinkedHashMap<>(done.fieldHashes());
    p.fieldsToClear().forEach(f -> held.put(f, NOT_CLEARED));
    buffer.add(
        versioned(
            p,
            Settlement.imported(
                type,
                done.hubSpotId(),
                done.csmId().orElse(null),
                p.snapshot().identity(),
                held,
                done.memberships())));
    pending.add(new PendingClear(p, done));
  }

  /** Says which email or name change a refused record carried, naming both. */
  static String identityNote(Delta d) {
    return d.identityChange()
        .map(c -> " (changing \"" + c.previous() + "\" to \"" + c.current() + "\")")
        .orElse("");
  }

  /** Writes what is buffered, in one transaction. */
  synchronized void flush() {
    if (!buffer.isEmpty()) {
      run.settle(List.copyOf(buffer));
      buffer.clear();
    }
  }

  /** The imported records whose cleared fields are still to be deleted in CSM. */
  synchronized List<PendingClear> pendingClears() {
    return List.copyOf(pending);
  }
}
