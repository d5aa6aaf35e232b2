package io.github.csmkit.client.bulk;

import io.github.csmkit.client.bulk.ImportReport.Stage;
import io.github.csmkit.client.model.SubmittedTask;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The journal's side of a run: what a previous run already did with a batch (ended, or submitted
 * and to be followed), and the record of this run's batches as they are submitted and end — a
 * consumer of each settled batch's outcomes.
 */
final class JournalResume implements AutoCloseable {
  private final Journal journal;

  private JournalResume(Journal journal) {
    this.journal = journal;
  }

  static JournalResume open(Path file, String jobId, String target, String site, boolean dryRun) {
    return new JournalResume(Journal.open(file, jobId, target, site, dryRun));
  }

  /** What a previous run did with a batch. */
  sealed interface Resume {}

  /** Nothing: send it. */
  record Send() implements Resume {}

  /** It ended: settle it as it ended. */
  record Ended(BatchEnd end, Optional<SubmittedTask> task, Instant submittedAt) implements Resume {}

  /** It was submitted and not seen to end: follow the same task. */
  record Follow(SubmittedTask task, Instant submittedAt) implements Resume {}

  /**
   * What the journal holds for this batch; {@code now} stands for a submit time it lacks.
   *
   * @throws JournalMismatchException when the journal sent this batch with other records
   */
  Resume resume(InFlightBatch<?, ?, ?> batch, Instant now) {
    Optional<Journal.Finished> finished = journal.finished(batch.number);
    Optional<Journal.Submitted> submitted = journal.submitted(batch.number);
    String journaled =
        finished
            .map(Journal.Finished::key)
            .or(() -> submitted.map(Journal.Submitted::key))
            .orElse(null);
    if (journaled == null) {
      return new Send();
    }
    if (!journaled.equals(batch.key.value())) {
      throw new JournalMismatchException(
          journal.file(),
          "batch "
              + batch.number
              + " was sent with other records (its idempotency key differs): the input, the mapping or "
              + "the batch size changed since it was written. Use a new job id and journal, or the "
              + "original input");
    }
    Optional<SubmittedTask> task =
        submitted.map(
            s ->
                SubmittedTask.builder()
                    .id(s.taskId())
                    .statusUrl(s.statusUrl())
                    .idempotencyKey(batch.key)
                    .build());
    Instant at = submitted.map(Journal.Submitted::at).orElse(now);
    if (finished.isPresent()) {
      return new Ended(BatchEnd.fromJournal(finished.get()), task, at);
    }
    return new Follow(task.orElseThrow(), at);
  }

  /** Records that the batch was submitted as this task. */
  void submitted(InFlightBatch<?, ?, ?> batch, SubmittedTask task, Instant at) {
    journal.submitted(
        new Journal.Submitted(batch.number, batch.key.value(), task.id(), task.statusUrl(), at));
  }

  /** Records a batch that ended at the server, with each failed item; others are not journaled. */
  void settled(InFlightBatch<?, ?, ?> batch, BatchEnd end, Instant now) {
    if (end.fromJournal() || !end.status().terminal()) {
      return;
    }
    List<Journal.ItemFailure> failures = new ArrayList<>();
    for (int i = 0; i < batch.items.size(); i++) {
      Stage stage = end.stageOf(i);
      if (stage != null) {
        failures.add(new Journal.ItemFailure(i, stage, end.messageOf(i)));
      }
    }
    journal.finished(
        new Journal.Finished(
            batch.number,
            batch.key.value(),
            end.status().name(),
            failures,
            end.orphans(),
            end.completedAt().orElse(now)));
  }

  /**
   * Checks that the input made as many batches as the journal knows.
   *
   * @throws JournalMismatchException when the journal has more
   */
  void checkComplete(int lastBatch) {
    if (journal.highestBatch() > lastBatch) {
      throw new JournalMismatchException(
          journal.file(),
          "it has "
              + journal.highestBatch()
              + " batches but the input now makes "
              + lastBatch
              + ": the input changed since it was written");
    }
  }

  @Override
  public void close() {
    journal.close();
  }
}
