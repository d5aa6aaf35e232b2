package io.github.csmkit.client.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csmkit.client.bulk.BatchEnd.Status;
import io.github.csmkit.client.bulk.ImportReport.Stage;
import io.github.csmkit.client.model.CustomerProfileOperation;
import io.github.csmkit.client.model.TaskFailure;
import io.github.csmkit.client.model.TaskState;
import io.github.csmkit.client.model.TaskStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailureAttributionTest {
  private static final Instant SEEN = Instant.parse("2026-01-01T00:00:10Z");
  private static final List<CustomerProfileOperation> ITEMS =
      List.of(
          SandboxImports.create("a@x.io"),
          SandboxImports.create("b@x.io"),
          SandboxImports.create("c@x.io"));

  private static TaskStatus status(TaskState state, TaskFailure... failures) {
    return TaskStatus.builder()
        .id("t1")
        .state(state)
        .rawStatus(state.name())
        .addFailures(failures)
        .build();
  }

  private static TaskFailure byIndex(int i, String message) {
    return TaskFailure.builder().index(i).message(message).build();
  }

  private static TaskFailure byId(String id, String message) {
    return TaskFailure.builder().entityId(id).message(message).build();
  }

  @Test
  void aFinishedTaskWithoutFailuresImportsEveryItem() {
    BatchEnd end = FailureAttribution.attribute(ITEMS, status(TaskState.FINISHED), SEEN);
    assertThat(end.status()).isEqualTo(Status.FINISHED);
    assertThat(end.completedAt()).contains(SEEN);
    for (int i = 0; i < ITEMS.size(); i++) {
      assertThat(end.stageOf(i)).isNull();
    }
  }

  @Test
  void failuresGoToTheirItemByIndexElseByIdIgnoringCaseAndSpaces() {
    BatchEnd end =
        FailureAttribution.attribute(
            ITEMS,
            status(
                TaskState.FINISHED,
                byIndex(2, "bad c"),
                byId("  B@X.IO ", "bad b"),
                byId("b@x.io", "also bad b"),
                byId("b@x.io", "bad b")),
            SEEN);
    assertThat(end.stageOf(0)).isNull();
    assertThat(end.stageOf(1)).isEqualTo(Stage.SERVER);
    assertThat(end.messageOf(1)).isEqualTo("also bad b; bad b"); // sorted, each message once
    assertThat(end.stageOf(2)).isEqualTo(Stage.SERVER);
    assertThat(end.messageOf(2)).isEqualTo("bad c");
    assertThat(end.orphans()).isEmpty();
  }

  @Test
  void anIndexOutsideTheBatchFallsBackToTheIdOrBecomesAnOrphan() {
    TaskFailure tooFar = TaskFailure.builder().index(3).entityId("a@x.io").message("m").build();
    TaskFailure negative = byIndex(-1, "negative");
    TaskFailure nobody = byId("ghost@x.io", "who?");
    BatchEnd end =
        FailureAttribution.attribute(
            ITEMS, status(TaskState.FINISHED, tooFar, negative, nobody), SEEN);
    assertThat(end.stageOf(0)).isEqualTo(Stage.SERVER);
    assertThat(end.itemFailures()).containsOnlyKeys(0);
    assertThat(end.orphans()).containsExactly(negative, nobody);
  }

  @Test
  void aFailedTaskFailsEveryItemWithItsFirstMessage() {
    TaskStatus failed =
        TaskStatus.builder()
            .from(status(TaskState.FAILED, byId("x", "internal"), byId("y", "second")))
            .updatedAt(Instant.parse("2026-01-01T00:00:05Z"))
            .build();
    BatchEnd end = FailureAttribution.attribute(ITEMS, failed, SEEN);
    assertThat(end.status()).isEqualTo(Status.FAILED);
    assertThat(end.completedAt()).contains(Instant.parse("2026-01-01T00:00:05Z"));
    for (int i = 0; i < ITEMS.size(); i++) {
      assertThat(end.stageOf(i)).isEqualTo(Stage.TASK_FAILED);
      assertThat(end.messageOf(i)).isEqualTo("task t1 ended FAILED: internal");
    }
    assertThat(end.orphans()).isEmpty();
  }

  @Test
  void aFailedTasksOwnMessageWinsOverItsFirstFailure() {
    TaskStatus failed =
        TaskStatus.builder()
            .from(status(TaskState.FAILED, byId("x", "internal")))
            .message("disk full")
            .build();
    BatchEnd end = FailureAttribution.attribute(ITEMS, failed, SEEN);
    for (int i = 0; i < ITEMS.size(); i++) {
      assertThat(end.messageOf(i)).isEqualTo("task t1 ended FAILED: disk full");
    }
    BatchEnd bare = FailureAttribution.attribute(ITEMS, status(TaskState.FAILED), SEEN);
    assertThat(bare.messageOf(0)).isEqualTo("task t1 ended FAILED: the server gave no reason");
  }
}
