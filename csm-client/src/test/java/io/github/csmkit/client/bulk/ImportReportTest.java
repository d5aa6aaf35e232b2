package io.github.csmkit.client.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.csmkit.client.CsmClient;
import io.github.csmkit.client.bulk.ImportReport.BatchLog;
import io.github.csmkit.client.bulk.ImportReport.Counts;
import io.github.csmkit.client.bulk.ImportReport.RecordFailure;
import io.github.csmkit.client.bulk.ImportReport.Stage;
import io.github.csmkit.client.bulk.ImportReport.Unattributed;
import io.github.csmkit.client.model.TaskFailure;
import io.github.csmkit.sandbox.CsmSandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's writers (batch log, dead letters as JSON Lines and CSV) and its derived views. */
class ImportReportTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

  @TempDir Path dir;

  private static RecordFailure<String> failure(
      long index,
      String record,
      Stage stage,
      String rule,
      String message,
      Integer batch,
      String taskId) {
    return new RecordFailure<>(
        index,
        record,
        stage,
        Optional.ofNullable(rule),
        message,
        Optional.ofNullable(batch),
        Optional.ofNullable(taskId));
  }

  /** A report with one failure of each stage and two batches: one finished, one never submitted. */
  private static ImportReport<String> report(Optional<String> stopReason) {
    List<RecordFailure<String>> failures =
        List.of(
            failure(
                0,
                "=HYPERLINK(\"http://evil\")",
                Stage.MAPPING,
                null,
                "the mapping failed: boom",
                null,
                null),
            failure(
                1,
                "+1 555 0100",
                Stage.VALIDATION,
                "EMAIL_FORMAT",
                "payload.email: 'x' is not a valid email",
                null,
                null),
            failure(
                2,
                "-minus",
                Stage.DUPLICATE,
                null,
                "an earlier record has the same de-duplication key",
                null,
                null),
            failure(
                3,
                "@at",
                Stage.SUBMIT,
                null,
                "the batch could not be submitted: HTTP 503",
                2,
                null),
            failure(
                4,
                "say \"hi\", then\nleave",
                Stage.SERVER,
                null,
                "Customer already exists",
                1,
                "task-1"),
            failure(5, "tab\tinside", Stage.TASK_FAILED, null, "the task FAILED", 1, "task-1"),
            failure(
                6, "plain", Stage.UNRESOLVED, null, "task task-1 still IN_PROGRESS", 1, "task-1"),
            failure(7, "\tleading tab", Stage.NOT_SUBMITTED, null, "closed", null, null));
    List<BatchLog> batches =
        List.of(
            new BatchLog(
                1,
                T0,
                50,
                Optional.of("task-1"),
                "csmkit-abc",
                Optional.of("/api/v1/tasks/task-1"),
                "FINISHED",
                3,
                Optional.of(T0.plusSeconds(42))),
            new BatchLog(
                2,
                T0.plusSeconds(1),
                1,
                Optional.empty(),
                "csmkit-def",
                Optional.empty(),
                "SUBMIT_FAILED",
                0,
                Optional.empty()));
    TaskFailure orphan =
        TaskFailure.builder().message("Unknown record").entityId("ghost@example.com").build();
    return new ImportReport<>(
        "job-7",
        "customer profiles",
        new Counts(60, 2, 1, 1, 56, 52, 3, 1, 1),
        failures,
        List.of(new Unattributed(1, "task-1", orphan)),
        batches,
        T0,
        T0.plusSeconds(90),
        stopReason);
  }

  private static List<JsonNode> jsonLines(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(text).endsWith("\n");
    List<JsonNode> out = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      if (!line.isEmpty()) {
        out.add(JSON.readTree(line));
      }
    }
    assertThat(text.split("\n", -1))
        .as("one object a line, then the final newline")
        .hasSize(out.size() + 1);
    return out;
  }

  private static void assertOwnerOnly(Path file) throws IOException {
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void theBatchLogHasTheGuidesFieldsOneBatchALine() throws IOException {
    Path file = dir.resolve("logs/batches.jsonl");
    report(Optional.empty()).writeBatchLog(file);

    List<JsonNode> lines = jsonLines(file);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0))
        .isEqualTo(
            JSON.readTree(
                """
        {"timestamp":"2026-11-29T10:00:00Z","batch":1,"recordCount":50,"taskId":"task-1",
         "idempotencyKey":"csmkit-abc","statusUrl":"/api/v1/tasks/task-1","finalStatus":"FINISHED",
         "failureCount":3,"completedDate":"2026-11-29T10:00:42Z"}
        """));
    assertThat(lines.get(1))
        .isEqualTo(
            JSON.readTree(
                """
        {"timestamp":"2026-11-29T10:00:01Z","batch":2,"recordCount":1,"taskId":null,
         "idempotencyKey":"csmkit-def","statusUrl":null,"finalStatus":"SUBMIT_FAILED",
         "failureCount":0,"completedDate":null}
        """));
    assertOwnerOnly(file);
  }

  @Test
  void anExistingFileIsTruncatedAndMadeOwnerOnly() throws IOException {
    Path file = dir.resolve("batches.jsonl");
    Files.writeString(file, "old content that is much longer than anything else\n".repeat(100));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    report(Optional.empty()).writeBatchLog(file);
    assertThat(jsonLines(file)).hasSize(2);
    assertOwnerOnly(file);
  }

  @Test
  void deadLettersAsJsonLinesNameStageRuleBatchAndTask() throws IOException {
    Path file = dir.resolve("dead.jsonl");
    report(Optional.empty()).writeDeadLettersJsonLines(file, r -> "<" + r + ">");

    List<JsonNode> lines = jsonLines(file);
    assertThat(lines).hasSize(8);
    assertThat(lines.get(1))
        .isEqualTo(
            JSON.readTree(
                """
        {"index":1,"stage":"VALIDATION","rule":"EMAIL_FORMAT","message":"payload.email: 'x' is not a valid email",
         "batch":null,"taskId":null,"record":"<+1 555 0100>"}
        """));
    assertThat(lines.get(4))
        .isEqualTo(
            JSON.readTree(
                """
        {"index":4,"stage":"SERVER","rule":null,"message":"Customer already exists","batch":1,"taskId":"task-1",
         "record":"<say \\"hi\\", then\\nleave>"}
        """));
    assertThat(lines)
        .extracting(n -> n.get("stage").asText())
        .containsExactly(
            "MAPPING",
            "VALIDATION",
            "DUPLICATE",
            "SUBMIT",
            "SERVER",
            "TASK_FAILED",
            "UNRESOLVED",
            "NOT_SUBMITTED");
    assertOwnerOnly(file);
  }

  @Test
  void deadLettersAsCsvQuoteAndNeutraliseFormulas() throws IOException {
    Path file = dir.resolve("dead.csv");
    report(Optional.empty()).writeDeadLettersCsv(file, r -> r);

    String csv = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(csv)
        .isEqualTo(
            "phase,index,stage,rule,message,batch,task_id,record\r\n"
                + "customer profiles,0,MAPPING,,the mapping failed: boom,,,\"'=HYPERLINK(\"\"http://evil\"\")\"\r\n"
                + "customer profiles,1,VALIDATION,EMAIL_FORMAT,payload.email: 'x' is not a valid email,,,\"'+1 555 0100\"\r\n"
                + "customer profiles,2,DUPLICATE,,an earlier record has the same de-duplication key,,,\"'-minus\"\r\n"
                + "customer profiles,3,SUBMIT,,the batch could not be submitted: HTTP 503,2,,\"'@at\"\r\n"
                + "customer profiles,4,SERVER,,Customer already exists,1,task-1,\"say \"\"hi\"\", then\nleave\"\r\n"
                + "customer profiles,5,TASK_FAILED,,the task FAILED,1,task-1,tab\tinside\r\n"
                + "customer profiles,6,UNRESOLVED,,task task-1 still IN_PROGRESS,1,task-1,plain\r\n"
                + "customer profiles,7,NOT_SUBMITTED,,closed,,,\"'\tleading tab\"\r\n");
    assertOwnerOnly(file);
  }

  @Test
  void csvCellsFollowRfc4180() {
    assertThat(DeadLetterCsv.cell(null)).isEmpty();
    assertThat(DeadLetterCsv.cell("")).isEmpty();
    assertThat(DeadLetterCsv.cell("plain text")).isEqualTo("plain text");
    assertThat(DeadLetterCsv.cell("a,b")).isEqualTo("\"a,b\"");
    assertThat(DeadLetterCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(DeadLetterCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(DeadLetterCsv.cell("cr\ronly")).isEqualTo("\"cr\ronly\"");
    assertThat(DeadLetterCsv.cell("=1+2")).isEqualTo("\"'=1+2\"");
    assertThat(DeadLetterCsv.cell("+SUM(A1)")).isEqualTo("\"'+SUM(A1)\"");
    assertThat(DeadLetterCsv.cell("-2")).isEqualTo("\"'-2\"");
    assertThat(DeadLetterCsv.cell("@cmd")).isEqualTo("\"'@cmd\"");
    assertThat(DeadLetterCsv.cell("\rx")).isEqualTo("\"'\rx\"");
    assertThat(DeadLetterCsv.cell("a=b")).isEqualTo("a=b");
    assertThat(DeadLetterCsv.cell("john@example.com")).isEqualTo("john@example.com");
  }

  @Test
  void oneCsvFileTakesSeveralPhases() throws IOException {
    Path file = dir.resolve("migration.csv");
    ImportReport<String> r = report(Optional.empty());
    try (DeadLetterCsv csv = DeadLetterCsv.create(file)) {
      csv.add("organizations", r, s -> "o").add("customers, phase 2", r, s -> "c");
    }
    List<String> rows = List.of(Files.readString(file).split("\r\n"));
    assertThat(rows).hasSize(1 + 16);
    assertThat(rows.get(1)).startsWith("organizations,0,MAPPING,");
    assertThat(rows.get(9)).startsWith("\"customers, phase 2\",0,MAPPING,").endsWith(",c");
    assertOwnerOnly(file);
  }

  @Test
  void writingWhereAFileCannotBeIsAnUncheckedIoError() throws IOException {
    Path blocker = dir.resolve("a-file");
    Files.writeString(blocker, "x");
    ImportReport<String> r = report(Optional.empty());
    assertThatThrownBy(() -> r.writeBatchLog(blocker.resolve("log.jsonl")))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("cannot write the batch log to ");
    assertThatThrownBy(() -> r.writeDeadLettersJsonLines(blocker.resolve("d.jsonl"), s -> s))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("cannot write dead letters to ");
    assertThatThrownBy(() -> r.writeDeadLettersCsv(blocker.resolve("d.csv"), s -> s))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("cannot create ");
  }

  @Test
  void recordsToRetryLeaveOutWhatARerunWouldRefuseAgain() {
    assertThat(report(Optional.empty()).recordsToRetry())
        .containsExactly("@at", "say \"hi\", then\nleave", "tab\tinside", "plain", "\tleading tab");
  }

  @Test
  void theSummaryNamesEveryCount() {
    ImportReport<String> r = report(Optional.empty());
    assertThat(r.summary())
        .isEqualTo(
            "customer profiles (job job-7): 60 read, 52 imported, 3 failed at the server, "
                + "2 rejected, 1 duplicates, 1 unresolved, 1 not submitted, 1 unattributed server failures; "
                + "2 batches in PT1M30S");
    assertThat(r.toString()).isEqualTo("ImportReport[" + r.summary() + "]");
    assertThat(r.stopped()).isFalse();
    assertThat(r.elapsed()).isEqualTo(Duration.ofSeconds(90));
    ImportReport<String> stopped = report(Optional.of("closed by the caller"));
    assertThat(stopped.summary()).endsWith("2 batches in PT1M30S; stopped: closed by the caller");
    assertThat(stopped.stopped()).isTrue();
    assertThat(r.jobId()).isEqualTo("job-7");
    assertThat(r.target()).isEqualTo("customer profiles");
    assertThat(r.startedAt()).isEqualTo(T0);
    assertThat(r.finishedAt()).isEqualTo(T0.plusSeconds(90));
    assertThat(r.unattributed())
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.batch()).isEqualTo(1);
              assertThat(u.failure().entityId()).contains("ghost@example.com");
            });
    assertThat(r.counts().balanced()).isTrue();
    assertThat(new Counts(10, 1, 1, 1, 6, 5, 1, 1, 0).balanced()).isFalse();
    assertThat(new Counts(10, 1, 1, 1, 7, 5, 1, 0, 0).balanced()).isFalse();
  }

  @Test
  void aRealImportWithInvalidRecordsWritesAllThree() throws IOException {
    try (CsmSandbox sandbox = CsmSandbox.builder().runsFor(Duration.ofMillis(5)).start();
        CsmClient csm = SandboxImports.client(sandbox)) {
      List<String> input =
          List.of(
              "a@example.com",
              "not-an-email",
              "b@example.com",
              "A@EXAMPLE.COM",
              "",
              "c@example.com");
      ImportReport<String> report =
          BulkImporter.builder(csm, BulkTarget.CUSTOMER_PROFILES)
              .jobId("report-test")
              .batchSize(2)
              .initialTaskEstimate(Duration.ofMillis(10))
              .build()
              .run(input, e -> e.isEmpty() ? null : SandboxImports.create(e));

      assertThat(report.counts()).isEqualTo(new Counts(6, 2, 1, 0, 3, 3, 0, 0, 0));
      assertThat(report.failures())
          .extracting(RecordFailure::index, RecordFailure::stage, f -> f.rule().orElse("-"))
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple(1L, Stage.VALIDATION, "EMAIL_FORMAT"),
              org.assertj.core.groups.Tuple.tuple(3L, Stage.DUPLICATE, "-"),
              org.assertj.core.groups.Tuple.tuple(4L, Stage.MAPPING, "-"));
      assertThat(report.recordsToRetry()).isEmpty();

      Path log = dir.resolve("batches.jsonl");
      report.writeBatchLog(log);
      List<JsonNode> lines = jsonLines(log);
      assertThat(lines).hasSize(2);
      for (int i = 0; i < 2; i++) {
        JsonNode l = lines.get(i);
        String taskId = report.batches().get(i).taskId().orElseThrow();
        assertThat(l.get("batch").asInt()).isEqualTo(i + 1);
        assertThat(l.get("taskId").asText()).isEqualTo(taskId);
        assertThat(l.get("statusUrl").asText()).isEqualTo("/api/v1/tasks/" + taskId);
        assertThat(l.get("idempotencyKey").asText())
            .startsWith("csmkit-")
            .isEqualTo(
                sandbox.tasks().stream()
                    .filter(t -> t.id().equals(taskId))
                    .findFirst()
                    .orElseThrow()
                    .idempotencyKey());
        assertThat(l.get("finalStatus").asText()).isEqualTo("FINISHED");
        assertThat(l.get("failureCount").asInt()).isZero();
        assertThat(Instant.parse(l.get("completedDate").asText()))
            .isAfterOrEqualTo(Instant.parse(l.get("timestamp").asText()));
        assertThat(l.fieldNames())
            .toIterable()
            .containsExactly(
                "timestamp",
                "batch",
                "recordCount",
                "taskId",
                "idempotencyKey",
                "statusUrl",
                "finalStatus",
                "failureCount",
                "completedDate");
      }
      assertThat(lines).extracting(l -> l.get("recordCount").asInt()).containsExactly(2, 1);

      Path csv = dir.resolve("dead.csv");
      report.writeDeadLettersCsv(csv, r -> r);
      assertThat(Files.readString(csv))
          .contains("customer profiles,1,VALIDATION,EMAIL_FORMAT,")
          .contains(
              "customer profiles,4,MAPPING,,the mapping returned no operation for this record,,,\r\n");
      Path jsonl = dir.resolve("dead.jsonl");
      report.writeDeadLettersJsonLines(jsonl, r -> r);
      assertThat(jsonLines(jsonl)).hasSize(3);
      assertOwnerOnly(csv);
      assertOwnerOnly(jsonl);
    }
  }
}
