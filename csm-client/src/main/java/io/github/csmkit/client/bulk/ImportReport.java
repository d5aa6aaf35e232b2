package io.github.csmkit.client.bulk;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.csmkit.client.model.TaskFailure;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What an import did with every input record. The counts always add up: {@code read = rejected +
 * duplicates + notSubmitted + submitted} and {@code submitted = succeeded + failed + unresolved}.
 * Every record that did not succeed is in {@link #failures()} with its stage and message; server
 * failures that name no known record are kept in {@link #unattributed()}.
 *
 * @param <R> the caller's record type
 */
public final class ImportReport<R> {
  /** Where a record stopped. */
  public enum Stage {
    /** The source could not read it (see the rule): an {@link UnreadableRecord}. */
    SOURCE,
    /** The caller's mapping function threw or gave nothing. */
    MAPPING,
    /** The operation broke a local rule (see the rule). */
    VALIDATION,
    /** Skipped: an earlier record had the same de-duplication key. */
    DUPLICATE,
    /** Its batch could not be submitted (after retries). */
    SUBMIT,
    /** The server's task reported a failure for it. */
    SERVER,
    /** Its batch's task ended FAILED as a whole. */
    TASK_FAILED,
    /**
     * Submitted, but its end was not seen: its task did not end in time (the task id says where to
     * look), or the submit's answer was lost after the server may have processed it.
     */
    UNRESOLVED,
    /** Read, but the import stopped before its batch was sent. */
    NOT_SUBMITTED
  }

  /**
   * A record that did not succeed.
   *
   * @param index the record's position in the input, from 0
   * @param record the caller's record
   * @param stage where it stopped
   * @param rule the broken rule, for VALIDATION and SOURCE
   * @param message what went wrong
   * @param batch the batch number, once it had one
   * @param taskId the task, once it had one
   * @param <R> the record type
   */
  public record RecordFailure<R>(
      long index,
      R record,
      Stage stage,
      Optional<String> rule,
      String message,
      Optional<Integer> batch,
      Optional<String> taskId) {}

  /**
   * A server failure that matched no record of its batch: counted, never dropped.
   *
   * @param batch the batch number
   * @param taskId the task
   * @param failure the failure as the server sent it
   */
  public record Unattributed(int batch, String taskId, TaskFailure failure) {}

  /**
   * One batch, with the guide's migration-log fields.
   *
   * @param batch the batch number, from 1
   * @param submittedAt when it was submitted
   * @param recordCount the records in it
   * @param taskId the task, once known
   * @param idempotencyKey the key it was sent with
   * @param statusUrl the task's status URL, once known
   * @param finalStatus the task's last status (FINISHED, FAILED, or UNRESOLVED / SUBMIT_FAILED)
   * @param failureCount the failures the task reported
   * @param completedAt when its end was seen
   */
  public record BatchLog(
      int batch,
      Instant submittedAt,
      int recordCount,
      Optional<String> taskId,
      String idempotencyKey,
      Optional<String> statusUrl,
      String finalStatus,
      int failureCount,
      Optional<Instant> completedAt) {}

  /**
   * The counts.
   *
   * @param read records taken from the input
   * @param rejected refused before sending (SOURCE, MAPPING or VALIDATION)
   * @param duplicates skipped as duplicates
   * @param notSubmitted read but not sent because the import stopped
   * @param submitted sent in a batch
   * @param succeeded submitted, and no failure names them
   * @param failed submitted, and failed (SUBMIT, SERVER or TASK_FAILED)
   * @param unresolved submitted, end not seen
   * @param unattributed server failures that matched no record
   */
  public record Counts(
      long read,
      long rejected,
      long duplicates,
      long notSubmitted,
      long submitted,
      long succeeded,
      long failed,
      long unresolved,
      long unattributed) {
    /** True when every record is accounted for exactly once. */
    public boolean balanced() {
      return read == rejected + duplicates + notSubmitted + submitted
          && submitted == succeeded + failed + unresolved;
    }
  }

  private final String jobId;
  private final String target;
  private final Counts counts;
  private final List<RecordFailure<R>> failures;
  private final List<Unattributed> unattributed;
  private final List<BatchLog> batches;
  private final Instant startedAt;
  private final Instant finishedAt;
  private final Optional<String> stopReason;
  private final long failuresOmitted;

  ImportReport(
      String jobId,
      String target,
      Counts counts,
      List<RecordFailure<R>> failures,
      List<Unattributed> unattributed,
      List<BatchLog> batches,
      Instant startedAt,
      Instant finishedAt,
      Optional<String> stopReason) {
    this(
        jobId,
        target,
        counts,
        failures,
        unattributed,
        batches,
        startedAt,
        finishedAt,
        stopReason,
        0);
  }

  ImportReport(
      String jobId,
      String target,
      Counts counts,
      List<RecordFailure<R>> failures,
      List<Unattributed> unattributed,
      List<BatchLog> batches,
      Instant startedAt,
      Instant finishedAt,
      Optional<String> stopReason,
      long failuresOmitted) {
    this.jobId = jobId;
    this.target = target;
    this.counts = counts;
    this.failures = List.copyOf(failures);
    this.unattributed = List.copyOf(unattributed);
    // the run's compact log is handed over as it is: copying it would rebuild every record
    this.batches =
        batches instanceof BatchLogs compact
            ? java.util.Collections.unmodifiableList(compact)
            : List.copyOf(batches);
    this.startedAt = startedAt;
    this.finishedAt = finishedAt;
    this.stopReason = stopReason;
    this.failuresOmitted = failuresOmitted;
  }

  /** The job's id: the one given to the importer, or its random one. */
  public String jobId() {
    return jobId;
  }

  /** The target's name, for example {@code "customer profiles"}. */
  public String target() {
    return target;
  }

  /** The counts of records by outcome. */
  public Counts counts() {
    return counts;
  }

  /**
   * Every record that did not succeed, in input order within each stage's discovery; only the first
   * {@link BulkImporter.Builder#keepFailures(int) keepFailures} of them when the importer was told
   * to keep fewer (see {@link #failuresOmitted()}).
   */
  public List<RecordFailure<R>> failures() {
    return failures;
  }

  /**
   * Failures counted but not kept in {@link #failures()} (see {@link
   * BulkImporter.Builder#keepFailures(int)}); an {@link OutcomeListener} saw each of them.
   */
  public long failuresOmitted() {
    return failuresOmitted;
  }

  /** The server failures that matched no record of their batch. */
  public List<Unattributed> unattributed() {
    return unattributed;
  }

  /** One entry per batch, in batch order. */
  public List<BatchLog> batches() {
    return batches;
  }

  /** When the import started. */
  public Instant startedAt() {
    return startedAt;
  }

  /** When the report was made. */
  public Instant finishedAt() {
    return finishedAt;
  }

  /** The time from {@link #startedAt()} to {@link #finishedAt()}. */
  public Duration elapsed() {
    return Duration.between(startedAt, finishedAt);
  }

  /** Why the import stopped early (failure threshold, close, credentials refused…), if it did. */
  public Optional<String> stopReason() {
    return stopReason;
  }

  /** True when the import stopped early; {@link #stopReason()} says why. */
  public boolean stopped() {
    return stopReason.isPresent();
  }

  /**
   * The records worth another run: those that failed to submit, failed at the server, were left
   * unresolved or were never sent. Rejected records and duplicates are not among them: a rerun
   * would refuse them again.
   */
  public List<R> recordsToRetry() {
    return failures.stream()
        .filter(
            f ->
                f.stage() != Stage.SOURCE
                    && f.stage() != Stage.MAPPING
                    && f.stage() != Stage.VALIDATION
                    && f.stage() != Stage.DUPLICATE)
        .map(RecordFailure::record)
        .toList();
  }

  /** A one-paragraph summary, for logs and consoles. */
  public String summary() {
    Counts c = counts;
    return String.format(
        "%s (job %s): %d read, %d imported, %d failed at the server, %d rejected, %d duplicates, "
            + "%d unresolved, %d not submitted, %d unattributed server failures; %d batches in %s%s",
        target,
        jobId,
        c.read(),
        c.succeeded(),
        c.failed(),
        c.rejected(),
        c.duplicates(),
        c.unresolved(),
        c.notSubmitted(),
        c.unattributed(),
        batches.size(),
        elapsed(),
        stopReason.map(r -> "; stopped: " + r).orElse(""));
  }

  @Override
  public String toString() {
    return "ImportReport[" + summary() + "]";
  }

  private static final JsonFactory JSON = new JsonFactory();

  /** Writes the batch log as JSON Lines (one object per batch), readable by the owner only. */
  public void writeBatchLog(Path file) {
    try (OutputStream out = SecureFiles.create(file);
        JsonGenerator g = JSON.createGenerator(out)) {
      g.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
      for (BatchLog b : batches) {
        g.writeStartObject();
        g.writeStringField("timestamp", b.submittedAt().toString());
        g.writeNumberField("batch", b.batch());
        g.writeNumberField("recordCount", b.recordCount());
        g.writeStringField("taskId", b.taskId().orElse(null));
        g.writeStringField("idempotencyKey", b.idempotencyKey());
        g.writeStringField("statusUrl", b.statusUrl().orElse(null));
        g.writeStringField("finalStatus", b.finalStatus());
        g.writeNumberField("failureCount", b.failureCount());
        g.writeStringField("completedDate", b.completedAt().map(Instant::toString).orElse(null));
        g.writeEndObject();
      }
      g.writeRaw('\n');
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the batch log to " + file, e);
    }
  }

  /**
   * Writes every record that did not succeed as JSON Lines: index, stage, rule, message, batch,
   * task id and the record as {@code describe} renders it. Readable by the owner only (records hold
   * personal data).
   */
  public void writeDeadLettersJsonLines(Path file, Function<? super R, String> describe) {
    try (OutputStream out = SecureFiles.create(file);
        JsonGenerator g = JSON.createGenerator(out)) {
      g.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
      for (RecordFailure<R> f : failures) {
        g.writeStartObject();
        g.writeNumberField("index", f.index());
        g.writeStringField("stage", f.stage().name());
        g.writeStringField("rule", f.rule().orElse(null));
        g.writeStringField("message", f.message());
        if (f.batch().isPresent()) {
          g.writeNumberField("batch", f.batch().get());
        } else {
          g.writeNullField("batch");
        }
        g.writeStringField("taskId", f.taskId().orElse(null));
        g.writeStringField("record", describe.apply(f.record()));
        g.writeEndObject();
      }
      g.writeRaw('\n');
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write dead letters to " + file, e);
    }
  }

  /**
   * The same as CSV with a header row (see {@link DeadLetterCsv}; its phase column holds the
   * target's name), readable by the owner only.
   */
  public void writeDeadLettersCsv(Path file, Function<? super R, String> describe) {
    try (DeadLetterCsv csv = DeadLetterCsv.create(file)) {
      csv.add(target, this, describe);
    }
  }
}
