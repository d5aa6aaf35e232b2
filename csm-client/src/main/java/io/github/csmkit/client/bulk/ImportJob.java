package io.github.csmkit.client.bulk;

import java.time.Duration;
import java.util.Objects;

/**
 * An import running in the background, from {@link BulkImporter#start}. {@link #awaitReport()}
 * waits for it; {@link #close(Duration)} stops it early. Neither ever hangs past its bound: a batch
 * still unfinished when the grace ends is reported UNRESOLVED with its task id.
 *
 * @param <R> the caller's record type
 */
public final class ImportJob<R> implements AutoCloseable {
  private final ImportRun<R, ?, ?> run;
  private final Thread producer;
  private final Duration interruptGrace;

  ImportJob(ImportRun<R, ?, ?> run, Thread producer, Duration interruptGrace) {
    this.run = run;
    this.producer = producer;
    this.interruptGrace = interruptGrace;
  }

  /**
   * Waits until every record is accounted for (each task's wait is bounded by {@code maxTaskWait})
   * and returns the report. Interrupting the caller closes the job as {@link #close(Duration)}
   * does, with the importer's {@link BulkImporter.Builder#interruptGrace(Duration) interrupt grace}
   * (default zero: at once), its stop reason "interrupted"; the interrupt flag is set again before
   * this returns.
   *
   * @throws JournalMismatchException when the journal belongs to another job or input
   */
  public ImportReport<R> awaitReport() {
    try {
      return run.awaitReport(null);
    } catch (InterruptedException e) {
      // the flag is clear now, so the grace below can be waited; the caller sees it set again
      ImportReport<R> report = stop("interrupted", interruptGrace);
      Thread.currentThread().interrupt();
      return report;
    }
  }

  /**
   * Stops submitting new batches, waits up to {@code grace} for the tasks in flight, and returns
   * the report: records not yet sent are NOT_SUBMITTED, tasks not seen to end are UNRESOLVED with
   * their task id (a rerun of the same job with its journal picks them up).
   */
  public ImportReport<R> close(Duration grace) {
    return stop("closed by the caller", Objects.requireNonNull(grace, "grace"));
  }

  /** No new batch; the tasks in flight get {@code grace} to end; a second interrupt ends it. */
  private ImportReport<R> stop(String reason, Duration grace) {
    run.stop(reason);
    producer.interrupt();
    try {
      return run.awaitReport(grace);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return run.reportNow();
    }
  }

  /** {@link #close(Duration)} without waiting: the report as it stands. */
  public ImportReport<R> cancel() {
    return close(Duration.ZERO);
  }

  /** Stops with a grace of 30 seconds. */
  @Override
  public void close() {
    close(Duration.ofSeconds(30));
  }

  /** True once every record is accounted for. */
  public boolean isDone() {
    return run.isDone();
  }
}
