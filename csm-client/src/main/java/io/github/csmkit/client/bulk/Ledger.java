package io.github.csmkit.client.bulk;

import io.github.csmkit.client.bulk.ImportReport.BatchLog;
import io.github.csmkit.client.bulk.ImportReport.Counts;
import io.github.csmkit.client.bulk.ImportReport.RecordFailure;
import io.github.csmkit.client.bulk.ImportReport.Stage;
import io.github.csmkit.client.bulk.ImportReport.Unattributed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The one place records are counted, and the report's consumer of the outcome stream: every record
 * read ends in exactly one count. Keeps at most {@code keepFailures} failures; the rest are counted
 * as omitted. Not thread-safe: the run calls it under its lock.
 *
 * @param <R> the record type
 */
final class Ledger<R> {
  private final int keepFailures;
  private final boolean everyOutcome;
  private long read;
  private long rejected;
  private long duplicates;
  private long notSubmitted;
  private long submitted;
  private long succeeded;
  private long failed;
  private long unresolved;
  private long omitted;
  private final List<RecordFailure<R>> failures = new ArrayList<>();
  private final List<Unattributed> unattributed = new ArrayList<>();
  private final BatchLogs logs = new BatchLogs();

  /**
   * @param keepFailures the most failures the report keeps
   * @param everyOutcome also make outcomes of imported records (someone listens to them)
   */
  Ledger(int keepFailures, boolean everyOutcome) {
    this.keepFailures = keepFailures;
    this.everyOutcome = everyOutcome;
  }

  /**
   * What one settled batch gives the ledger: its records and how it ended.
   *
   * @param batch the batch
   * @param end how it ended
   * @param now the time, for a batch log without a submit time
   */
  record Settlement<R>(InFlightBatch<R, ?, ?> batch, BatchEnd end, Instant now) {}

  void read() {
    read++;
  }

  /** A record refused before batching: SOURCE, MAPPING or VALIDATION, or a DUPLICATE. */
  RecordOutcome<R> refused(long index, R record, Stage stage, @Nullable String rule, String why) {
    if (stage == Stage.DUPLICATE) {
      duplicates++;
    } else {
      rejected++;
    }
    return failure(index, record, stage, Optional.ofNullable(rule), why, null);
  }

  /** A record read but never put in a batch: the run stopped first. */
  RecordOutcome<R> unsent(Pending<R, ?> p, String why) {
    notSubmitted++;
    return failure(p.index(), p.record(), Stage.NOT_SUBMITTED, Optional.empty(), why, null);
  }

  /** A batch's records were sent. */
  void sent(int records) {
    submitted += records;
  }

  /**
   * Counts a settled batch's records and logs it; returns the outcomes for the stream (imported
   * ones only when someone listens) and the batch log.
   */
  Settled<R> settle(Settlement<R> s) {
    InFlightBatch<R, ?, ?> b = s.batch();
    BatchEnd end = s.end();
    List<RecordOutcome<R>> outcomes = new ArrayList<>(everyOutcome ? b.items.size() : 4);
    int failedHere = 0;
    for (int i = 0; i < b.items.size(); i++) {
      Pending<R, ?> p = b.items.get(i);
      Stage stage = end.stageOf(i);
      if (stage == null) {
        succeeded++;
        if (everyOutcome) {
          outcomes.add(outcome(p.index(), p.record(), Optional.empty(), Optional.empty(), "", b));
        }
        continue;
      }
      failedHere++;
      switch (stage) {
        case UNRESOLVED -> unresolved++;
        case NOT_SUBMITTED -> notSubmitted++;
        default -> failed++;
      }
      outcomes.add(failure(p.index(), p.record(), stage, Optional.empty(), end.messageOf(i), b));
    }
    String taskId = b.taskId().orElse("");
    end.orphans().forEach(o -> unattributed.add(new Unattributed(b.number, taskId, o)));
    BatchLog log =
        b.log(end.status().name(), failedHere + end.orphans().size(), end.completedAt(), s.now());
    logs.put(log);
    return new Settled<>(log, outcomes);
  }

  /** A settled batch: its log and its records' outcomes, in batch order. */
  record Settled<R>(BatchLog log, List<RecordOutcome<R>> outcomes) {}

  Counts counts() {
    return new Counts(
        read,
        rejected,
        duplicates,
        notSubmitted,
        submitted,
        succeeded,
        failed,
        unresolved,
        unattributed.size());
  }

  /** The report of what the ledger counted. */
  ImportReport<R> report(
      String jobId, String target, Instant startedAt, Instant finishedAt, Optional<String> stop) {
    return new ImportReport<>(
        jobId,
        target,
        counts(),
        failures,
        unattributed,
        logs,
        startedAt,
        finishedAt,
        stop,
        omitted);
  }

  private RecordOutcome<R> failure(
      long index,
      R record,
      Stage stage,
      Optional<String> rule,
      String message,
      @Nullable InFlightBatch<R, ?, ?> batch) {
    RecordOutcome<R> o = outcome(index, record, Optional.of(stage), rule, message, batch);
    if (failures.size() < keepFailures) {
      failures.add(o.failure().orElseThrow());
    } else {
      omitted++;
    }
    return o;
  }

  private static <R> RecordOutcome<R> outcome(
      long index,
      R record,
      Optional<Stage> stage,
      Optional<String> rule,
      String message,
      @Nullable InFlightBatch<R, ?, ?> batch) {
    return new RecordOutcome<>(
        index,
        record,
        stage,
        rule,
        message,
        batch == null ? Optional.empty() : Optional.of(batch.number),
        batch == null ? Optional.empty() : batch.taskId(),
        batch == null ? Optional.empty() : Optional.of(batch.key.value()));
  }
}
