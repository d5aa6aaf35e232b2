package io.github.csmkit.client.bulk;

import static io.github.csmkit.client.bulk.SandboxImports.emails;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.csmkit.client.CsmClient;
import io.github.csmkit.client.CsmListener;
import io.github.csmkit.client.bulk.ImportReport.Stage;
import io.github.csmkit.sandbox.CsmSandbox;
import io.github.csmkit.sandbox.Endpoint;
import io.github.csmkit.sandbox.Fault;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-record outcome stream, and the engine as the one owner of back-pressure. */
class OutcomeStreamTest {
  private final List<AutoCloseable> resources = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable r : resources) {
      r.close();
    }
  }

  private CsmSandbox sandbox() {
    CsmSandbox sandbox = CsmSandbox.builder().runsFor(Duration.ofMillis(10)).start();
    resources.add(0, sandbox);
    return sandbox;
  }

  private static List<String> input() {
    List<String> input = new ArrayList<>(emails(120));
    input.add(7, "not-an-email");
    input.add(30, "customer3@example.com"); // a duplicate
    return input;
  }

  @Test
  void everyRecordsOutcomeArrivesOnceOneAtATimeBeforeTheReport() {
    CsmClient csm = SandboxImports.client(sandbox());
    resources.add(0, csm);
    ConcurrentLinkedQueue<RecordOutcome<? extends String>> seen = new ConcurrentLinkedQueue<>();
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger overlapping = new AtomicInteger();
    OutcomeListener<String> slow =
        o -> {
          if (inside.incrementAndGet() > 1) {
            overlapping.incrementAndGet();
          }
          try {
            Thread.sleep(1); // slow enough that a report returned early would miss some
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          seen.add(o);
          inside.decrementAndGet();
        };

    List<String> input = input();
    ImportReport<String> report =
        BulkImporter.builder(csm, BulkTarget.CUSTOMER_PROFILES)
            .jobId("stream")
            .batchSize(25)
            .keepFailures(0)
            .build()
            .run(input, SandboxImports::create, slow);

    assertThat(seen).hasSize(input.size());
    assertThat(overlapping).hasValue(0);
    assertThat(seen.stream().map(RecordOutcome::index).distinct()).hasSize(input.size());
    assertThat(seen.stream().filter(RecordOutcome::imported)).hasSize(120);
    assertThat(report.counts().succeeded()).isEqualTo(120);
    assertThat(report.failures()).isEmpty();
    assertThat(report.failuresOmitted()).isEqualTo(2);

    Map<Long, RecordOutcome<? extends String>> byIndex =
        seen.stream().collect(Collectors.toMap(RecordOutcome::index, o -> o));
    assertThat(byIndex.get(7L).stage()).contains(Stage.VALIDATION);
    assertThat(byIndex.get(7L).rule()).isPresent();
    assertThat(byIndex.get(7L).batch()).isEmpty();
    assertThat(byIndex.get(30L).stage()).contains(Stage.DUPLICATE);
    for (ImportReport.BatchLog log : report.batches()) {
      List<RecordOutcome<? extends String>> ofBatch =
          seen.stream().filter(o -> o.batch().equals(java.util.Optional.of(log.batch()))).toList();
      assertThat(ofBatch).hasSize(log.recordCount());
      assertThat(ofBatch)
          .allSatisfy(
              o -> {
                assertThat(o.idempotencyKey()).contains(log.idempotencyKey());
                assertThat(o.taskId()).isEqualTo(log.taskId());
              });
    }
  }

  @Test
  void aDeadLetterFileIsWrittenFromTheStream(@TempDir Path dir) throws Exception {
    CsmSandbox sandbox = sandbox();
    CsmClient csm = SandboxImports.client(sandbox);
    resources.add(0, csm);
    sandbox.faults().on(Endpoint.CUSTOMER_PROFILES).next(Fault.taskFailed("disk full"));
    Path file = dir.resolve("dead.csv");
    ImportReport<String> report;
    try (DeadLetterCsv csv = DeadLetterCsv.create(file)) {
      report =
          BulkImporter.builder(csm, BulkTarget.CUSTOMER_PROFILES)
              .jobId("dead")
              .maxInFlight(1)
              .keepFailures(1)
              .build()
              .run(input(), SandboxImports::create, csv.listener("customers", s -> s));
    }
    List<String> rows = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(rows).hasSize(1 + 52); // header, 50 of a failed task, 1 rejected, 1 duplicate
    assertThat(rows.stream().filter(r -> r.contains(",TASK_FAILED,"))).hasSize(50);
    // the task's own message reaches every dead letter of its batch
    assertThat(rows.stream().filter(r -> r.contains(",TASK_FAILED,")))
        .allSatisfy(r -> assertThat(r).contains("ended FAILED: disk full"));
    assertThat(report.failures()).hasSize(1);
    assertThat(report.failuresOmitted()).isEqualTo(51);
    assertThat(report.counts().balanced()).isTrue();
  }

  @Test
  void theEngineAloneRetriesTheTaskLimitAndRateLimits() {
    CsmSandbox sandbox = sandbox();
    List<CsmListener.RetryScheduled> retries = new CopyOnWriteArrayList<>();
    CsmClient csm =
        CsmClient.builder()
            .baseUri(sandbox.baseUri())
            .credentials(io.github.csmkit.client.Credentials.bearer(sandbox.token()))
            .retryPolicy(
                io.github.csmkit.client.RetryPolicy.builder()
                    .initialBackoff(Duration.ofMillis(5))
                    .build())
            .listener(
                new CsmListener() {
                  @Override
                  public void retryScheduled(RetryScheduled retry) {
                    retries.add(retry);
                  }
                })
            .build();
    resources.add(0, csm);
    sandbox
        .faults()
        .on(Endpoint.CUSTOMER_PROFILES)
        .next(
            Fault.status(400, "{\"message\":\"Maximum number of tasks reached\"}"),
            Fault.rateLimited(Duration.ofMillis(50)),
            Fault.status(429));

    ImportReport<String> report =
        BulkImporter.builder(csm, BulkTarget.CUSTOMER_PROFILES)
            .jobId("owner")
            .maxInFlight(1)
            .build()
            .run(emails(100), SandboxImports::create);

    assertThat(report.counts().succeeded()).isEqualTo(100);
    assertThat(sandbox.requestCount(Endpoint.CUSTOMER_PROFILES)).isEqualTo(2 + 3);
    // the client retried none of them underneath the engine's own loop
    assertThat(retries).filteredOn(r -> r.method().equals("POST")).isEmpty();
  }
}
