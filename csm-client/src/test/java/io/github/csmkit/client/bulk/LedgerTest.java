package io.github.csmkit.client.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csmkit.client.bulk.ImportReport.Counts;
import io.github.csmkit.client.bulk.ImportReport.Stage;
import io.github.csmkit.client.model.SubmittedTask;
import io.github.csmkit.client.model.TaskFailure;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LedgerTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private static Ledger.Settled<String> settle(
      Ledger<String> ledger, InFlightBatch<String, ?, ?> batch, BatchEnd end) {
    return ledger.settle(new Ledger.Settlement<>(batch, end, NOW));
  }

  @Test
  void everyRecordEndsInExactlyOneCount() {
    Ledger<String> ledger = new Ledger<>(Integer.MAX_VALUE, false);
    for (int i = 0; i < 13; i++) {
      ledger.read();
    }
    ledger.refused(0, "r0", Stage.MAPPING, null, "boom");
    ledger.refused(1, "r1", Stage.VALIDATION, "EMAIL_FORMAT", "bad email");
    ledger.refused(2, "r2", Stage.SOURCE, "CSV_ROW", "unreadable line 3");
    ledger.refused(3, "r3", Stage.DUPLICATE, null, "seen");
    var finished = PartsFixture.batch(1, 4, 4);
    var unresolved = PartsFixture.batch(2, 8, 2);
    var neverSent = PartsFixture.batch(3, 10, 2);
    ledger.sent(4);
    ledger.sent(2);
    TaskFailure ghost = TaskFailure.builder().entityId("ghost").message("who?").build();
    settle(
        ledger,
        finished,
        BatchEnd.finished(
            Map.of(1, new Journal.ItemFailure(1, Stage.SERVER, "taken")), List.of(ghost), NOW));
    settle(ledger, unresolved, BatchEnd.unresolved("gone"));
    settle(ledger, neverSent, BatchEnd.notSubmitted("stopped"));
    ledger.unsent(PartsFixture.pending(12, "r12@x.io"), "stopped");

    Counts c = ledger.counts();
    assertThat(c).isEqualTo(new Counts(13, 3, 1, 3, 6, 3, 1, 2, 1));
    assertThat(c.balanced()).isTrue();
    ImportReport<String> report = ledger.report("j", "t", NOW, NOW, Optional.empty());
    assertThat(report.failures())
        .extracting(ImportReport.RecordFailure::stage)
        .containsExactly(
            Stage.MAPPING,
            Stage.VALIDATION,
            Stage.SOURCE,
            Stage.DUPLICATE,
            Stage.SERVER,
            Stage.UNRESOLVED,
            Stage.UNRESOLVED,
            Stage.NOT_SUBMITTED,
            Stage.NOT_SUBMITTED,
            Stage.NOT_SUBMITTED);
    assertThat(report.failures().get(1).rule()).contains("EMAIL_FORMAT");
    assertThat(report.unattributed())
        .singleElement()
        .satisfies(u -> assertThat(u.batch()).isEqualTo(1));
    assertThat(report.batches())
        .extracting(ImportReport.BatchLog::finalStatus, ImportReport.BatchLog::failureCount)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("FINISHED", 2),
            org.assertj.core.groups.Tuple.tuple("UNRESOLVED", 2),
            org.assertj.core.groups.Tuple.tuple("NOT_SUBMITTED", 2));
    assertThat(report.recordsToRetry())
        .containsExactly("r5@x.io", "r8@x.io", "r9@x.io", "r10@x.io", "r11@x.io", "r12@x.io");
  }

  @Test
  void outcomesCarryBatchTaskAndKeyAndImportedOnesOnlyWhenAsked() {
    var batch = PartsFixture.batch(7, 0, 3);
    batch.task = SubmittedTask.builder().id("t7").idempotencyKey(batch.key).build();
    BatchEnd end =
        BatchEnd.finished(
            Map.of(2, new Journal.ItemFailure(2, Stage.SERVER, "no")), List.of(), NOW);

    Ledger.Settled<String> quiet = settle(new Ledger<>(10, false), batch, end);
    assertThat(quiet.outcomes()).singleElement().satisfies(o -> assertThat(o.index()).isEqualTo(2));

    Ledger.Settled<String> all = settle(new Ledger<>(10, true), batch, end);
    assertThat(all.outcomes())
        .extracting(RecordOutcome::imported)
        .containsExactly(true, true, false);
    assertThat(all.outcomes())
        .allSatisfy(
            o -> {
              assertThat(o.batch()).contains(7);
              assertThat(o.taskId()).contains("t7");
              assertThat(o.idempotencyKey()).contains("key-7");
            });
    RecordOutcome<String> failed = all.outcomes().get(2);
    assertThat(failed.stage()).contains(Stage.SERVER);
    assertThat(failed.message()).isEqualTo("no");
    assertThat(failed.failure().orElseThrow().record()).isEqualTo("r2@x.io");
    assertThat(all.outcomes().get(0).failure()).isEmpty();
    assertThat(all.log().batch()).isEqualTo(7);
    assertThat(all.log().taskId()).contains("t7");
  }

  @Test
  void keepsAtMostTheFailuresItWasToldAndCountsTheRest() {
    Ledger<String> ledger = new Ledger<>(2, false);
    for (int i = 0; i < 5; i++) {
      ledger.read();
      ledger.refused(i, "r" + i, Stage.MAPPING, null, "m");
    }
    ImportReport<String> report = ledger.report("j", "t", NOW, NOW, Optional.empty());
    assertThat(report.failures())
        .extracting(ImportReport.RecordFailure::index)
        .containsExactly(0L, 1L);
    assertThat(report.failuresOmitted()).isEqualTo(3);
    assertThat(report.counts().rejected()).isEqualTo(5);
    assertThat(report.counts().balanced()).isTrue();
  }
}
