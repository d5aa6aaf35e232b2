package io.github.csmkit.client.bulk;

import io.github.csmkit.client.bulk.ImportReport.RecordFailure;
import io.github.csmkit.client.bulk.ImportReport.Stage;
import java.util.Optional;

/**
 * The final outcome of one input record, given to an {@link OutcomeListener} once, when it is
 * known: at once for a record refused before batching, else when its batch settles.
 *
 * @param index the record's position in the input, from 0
 * @param record the caller's record
 * @param stage where it stopped; empty when it was imported
 * @param rule the broken rule, for VALIDATION (and SOURCE, when the source names one)
 * @param message what went wrong; empty when imported
 * @param batch the batch number, once it had one
 * @param taskId the task, once it had one
 * @param idempotencyKey the key its batch was sent with, once it had one
 * @param <R> the record type
 */
public record RecordOutcome<R>(
    long index,
    R record,
    Optional<Stage> stage,
    Optional<String> rule,
    String message,
    Optional<Integer> batch,
    Optional<String> taskId,
    Optional<String> idempotencyKey) {

  /** True when the record was imported: its batch's task ended and named no failure for it. */
  public boolean imported() {
    return stage.isEmpty();
  }

  /** The outcome as the report's failure; empty when imported. */
  public Optional<RecordFailure<R>> failure() {
    return stage.map(s -> new RecordFailure<>(index, record, s, rule, message, batch, taskId));
  }
}
