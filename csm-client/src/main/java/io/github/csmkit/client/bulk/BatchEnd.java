package io.github.csmkit.client.bulk;

import io.github.csmkit.client.bulk.ImportReport.Stage;
import io.github.csmkit.client.model.TaskFailure;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How a batch ended, as one value: its final status; the failures the server named, by position in
 * the batch; server failures that named no item; and, for every other item, the stage it stopped at
 * (null: imported).
 *
 * @param status the batch's final status
 * @param stage the stage of every item not in {@code itemFailures}; null when they were imported
 * @param message the message of those items, when {@code stage} is set
 * @param itemFailures failures by position in the batch
 * @param orphans server failures that matched no item
 * @param completedAt when its end was seen, for a task that ended
 * @param fromJournal true when a previous run's journal gave it (so it is not journaled again)
 */
record BatchEnd(
    Status status,
    @Nullable Stage stage,
    String message,
    Map<Integer, Journal.ItemFailure> itemFailures,
    List<TaskFailure> orphans,
    Optional<Instant> completedAt,
    boolean fromJournal) {

  /** A batch's final status, as its batch log shows it. */
  enum Status {
    /** Its task ended FINISHED (some items may have failed). */
    FINISHED,
    /** Its task ended FAILED as a whole. */
    FAILED,
    /** Sent, but its task's end was not seen. */
    UNRESOLVED,
    /** It could not be submitted. */
    SUBMIT_FAILED,
    /** Built, but never sent. */
    NOT_SUBMITTED;

    /** True for the ends a journal keeps: the task's own. */
    boolean terminal() {
      return this == FINISHED || this == FAILED;
    }

    static Status of(String name) {
      return name.equals("FAILED") ? FAILED : FINISHED;
    }
  }

  BatchEnd {
    itemFailures = Map.copyOf(itemFailures);
    orphans = List.copyOf(orphans);
  }

  static BatchEnd finished(
      Map<Integer, Journal.ItemFailure> itemFailures, List<TaskFailure> orphans, Instant at) {
    return new BatchEnd(Status.FINISHED, null, "", itemFailures, orphans, Optional.of(at), false);
  }

  static BatchEnd taskFailed(String why, Instant at) {
    return new BatchEnd(
        Status.FAILED, Stage.TASK_FAILED, why, Map.of(), List.of(), Optional.of(at), false);
  }

  static BatchEnd unresolved(String why) {
    return whole(Status.UNRESOLVED, Stage.UNRESOLVED, why);
  }

  static BatchEnd submitFailed(String why) {
    return whole(Status.SUBMIT_FAILED, Stage.SUBMIT, why);
  }

  static BatchEnd notSubmitted(String why) {
    return whole(Status.NOT_SUBMITTED, Stage.NOT_SUBMITTED, why);
  }

  /** A batch a previous run saw end, as its journal has it. */
  static BatchEnd fromJournal(Journal.Finished f) {
    Map<Integer, Journal.ItemFailure> byItem = new java.util.HashMap<>();
    f.failures().forEach(i -> byItem.put(i.item(), i));
    return new BatchEnd(
        Status.of(f.status()),
        null,
        "",
        byItem,
        f.unattributed(),
        Optional.of(f.completedAt()),
        true);
  }

  private static BatchEnd whole(Status status, Stage stage, String why) {
    return new BatchEnd(status, stage, why, Map.of(), List.of(), Optional.empty(), false);
  }

  /** The stage item {@code i} stopped at; null when it was imported. */
  @Nullable Stage stageOf(int i) {
    Journal.ItemFailure f = itemFailures.get(i);
    return f != null ? f.stage() : stage;
  }

  /** The message of item {@code i}, when it failed. */
  String messageOf(int i) {
    Journal.ItemFailure f = itemFailures.get(i);
    return f != null ? f.message() : message;
  }
}
