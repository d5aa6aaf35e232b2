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

  ImportJob(ImportRun<R, ?, ?> run, Thread producer) {
    this.run = run;
    this.producer = producer;
  }

  /**
   * Waits until every record is accounted for (each task's wait is bounded by {@code maxTaskWait})
   * and returns the report. Interrupting the caller closes the job at once.
   *
   * @throws JournalMismatchException when the journal belongs to another job or input
   */
  public ImportReport<R> awaitReport() {
    try {
      return run.awaitReport(null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      run.stop("interrupted");
      return run.reportNow();
    }
  }

  /**
   * Stops submitting new batches, waits up to {@code grace} for the tasks in flight, and returns
   * the report: records not yet sent are NOT_SUBMITTED, tasks not seen to end are UNRESOLVED with
   * their task id (a rerun of the same job with its journal picks them up).
   */
  public ImportReport<R> close(Duration grace) {
    Objects.requireNonNull(grace, "grace");
    run.stop("closed by the caller");
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
