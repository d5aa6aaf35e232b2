package io.github.csmkit.client.bulk;

import static io.github.csmkit.client.bulk.SandboxImports.emails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.csmkit.client.CsmClient;
import io.github.csmkit.client.bulk.ImportReport.RecordFailure;
import io.github.csmkit.client.bulk.ImportReport.Stage;
import io.github.csmkit.client.model.CustomerAccount;
import io.github.csmkit.client.model.CustomerAccountBatch;
import io.github.csmkit.sandbox.CsmSandbox;
import io.github.csmkit.sandbox.CustomerSnapshot;
import io.github.csmkit.sandbox.Endpoint;
import io.github.csmkit.sandbox.Fault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine against the embedded sandbox: real HTTP, real tasks, injected faults. */
class BulkImporterSandboxTest {
  private final List<AutoCloseable> resources = new ArrayList<>();

  @TempDir Path dir;

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable r : resources) {
      r.close();
    }
  }

  private CsmSandbox sandbox(CsmSandbox.Builder builder) {
    CsmSandbox sandbox = builder.start();
    resources.add(0, sandbox);
    return sandbox;
  }

  private CsmClient client(CsmSandbox sandbox) {
    CsmClient csm = SandboxImports.client(sandbox);
    resources.add(0, csm);
    return csm;
  }

  @Test
  void tenThousandRecordsWithBadInputAndFaultsAreEachAccountedForOnce() {
    CsmSandbox sandbox = sandbox(CsmSandbox.builder().runsFor(Duration.ofMillis(20)).taskLimit(5));
    CsmClient csm = client(sandbox);
    int n = 10_000;
    List<String> input = new ArrayList<>();
    Map<Integer, Stage> expected = new HashMap<>();
    Set<String> seen = new HashSet<>();
    List<String> existing = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String email =
          i % 33 == 5
              ? "customer" + i + "-at-example.com" // 3% invalid
              : i % 50 == 7
                  ? input.get(i - 1) // 2% duplicates
                  : SandboxImports.email(i);
      input.add(email);
      if (!email.contains("@")) {
        expected.put(i, Stage.VALIDATION);
      } else if (!seen.add(email)) {
        expected.put(i, Stage.DUPLICATE);
      } else if (i % 100 == 42) { // 1% already in CSM
        existing.add(email);
        expected.put(i, Stage.SERVER);
      }
    }
    for (int from = 0; from < existing.size(); from += 50) {
      CustomerAccountBatch accounts =
          CustomerAccountBatch.of(
              existing.subList(from, Math.min(from + 50, existing.size())).stream()
                  .map(e -> CustomerAccount.of(e, "Existing " + e))
                  .toList());
      assertThat(csm.tasks().await(csm.customerAccounts().submit(accounts)).failures()).isEmpty();
    }
    sandbox
        .faults()
        .on(Endpoint.CUSTOMER_PROFILES)
        .random(
            7,
            0.06,
            Fault.rateLimitedNoHeader(),
            Fault.serviceUnavailable(Duration.ofSeconds(1)),
            Fault.resetBeforeProcessing(),
            Fault.resetAfterProcessing());
    sandbox
        .faults()
        .on(Endpoint.TASK_GET)
        .random(11, 0.03, Fault.status(503), Fault.resetBeforeProcessing());

    ImportReport<String> report =
        BulkImporter.builder(csm, BulkTarget.CUSTOMER_PROFILES)
            .jobId("ten-thousand")
            .initialTaskEstimate(Duration.ofMillis(20))
            .build()
            .run(input, SandboxImports::create);

    ImportReport.Counts c = report.counts();
    assertThat(c.balanced()).as(c.toString()).isTrue();
    assertThat(c.read()).isEqualTo(n);
    assertThat(c.rejected()).isEqualTo(count(expected, Stage.VALIDATION)).isGreaterThan(300);
    assertThat(c.duplicates()).isEqualTo(count(expected, Stage.DUPLICATE));
    assertThat(c.failed()).isEqualTo(count(expected, Stage.SERVER));
    assertThat(c.unresolved()).isZero();
    assertThat(c.succeeded()).isEqualTo(n - expected.size());
    Map<Long, Stage> actual =
        report.failures().stream()
            .collect(Collectors.toMap(RecordFailure::index, RecordFailure::stage));
    assertThat(actual).hasSize(expected.size());
    expected.forEach(
        (i, stage) -> assertThat(actual.get((long) i)).as("record %d", i).isEqualTo(stage));
    assertThat(report.failures())
        .filteredOn(f -> f.stage() == Stage.SERVER)
        .allSatisfy(f -> assertThat(f.message()).containsIgnoringCase("already exists"));
    assertThat(report.unattributed()).isEmpty();

    List<CustomerSnapshot> customers = sandbox.customers();
    assertThat(customers).hasSize((int) c.succeeded() + existing.size());
    assertThat(customers)
        .allSatisfy(s -> assertThat(sandbox.creationCount(s.email())).as(s.email()).isEqualTo(1));
    assertThat(sandbox.faults().on(Endpoint.CUSTOMER_PROFILES).toString()).isNotNull();
    assertThat(sandbox.requestCount(Endpoint.CUSTOMER_PROFILES))
        .isGreaterThan(report.batches().size());
  }

  private static long count(Map<Integer, Stage> expected, Stage stage) {
    return expected.values().stream().filter(s -> s == stage).count();
  }

  @Test
  void aCloudIdBaseFollowsTheTasksStatusUrlFromTheHostRoot() {
    CsmSandbox sandbox = sandbox(CsmSandbox.builder().runsFor(Duration.ofMillis(10)));
    CsmClient csm =
        SandboxImports.client(
            sandbox.cloudBaseUri("a436116f-02ce-4520-8fbb-7301462a1674"), sandbox.token());
    resources.add(0, csm);

    ImportReport<String> report =
        BulkImporter.builder(csm, BulkTarget.CUSTOMER_PROFILES)
            .jobId("cloud")
            .build()
            .run(emails(120), SandboxImports::create);

    assertThat(report.counts().succeeded()).isEqualTo(120);
    assertThat(sandbox.customers())
        .allSatisfy(c -> assertThat(c.tenant()).isEqualTo("a436116f-02ce-4520-8fbb-7301462a1674"));
  }

  @Test
  void aRetryAfterPastTheCapDoesNotHoldTheBatchBeyondItsDeadline() {
    CsmSandbox sandbox = sandbox(CsmSandbox.builder().runsFor(Duration.ofMillis(10)));
    CsmClient csm = client(sandbox);
    sandbox
        .faults()
        .on(Endpoint.CUSTOMER_PROFILES)
        .next(Fault.rateLimited(Duration.ofSeconds(3600)));
    long start = System.nanoTime();

    ImportReport<String> report =
        BulkImporter.builder(csm, BulkTarget.CUSTOMER_PROFILES)
            .jobId("cap")
            .maxInFlight(1)
            .maxTaskWait(Duration.ofSeconds(2))
            .build()
            .run(emails(100), SandboxImports::create);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    assertThat(report.counts().balanced()).isTrue();
    assertThat(report.counts().failed()).isEqualTo(50);
    assertThat(report.failures()).allSatisfy(f -> assertThat(f.stage()).isEqualTo(Stage.SUBMIT));
  }

  @Test
  void taskLimitAnswersAreBackPressureAndTheSameBatchIsResentExactlyOnceEach() {
    CsmSandbox sandbox = sandbox(CsmSandbox.builder().runsFor(Duration.ofMillis(10)));
    CsmClient csm = client(sandbox);
    sandbox
        .faults()
        .on(Endpoint.CUSTOMER_PROFILES)
        .next(
            Fault.status(400, "{\"message\":\"Maximum number of tasks reached\"}"),
            Fault.status(400, "{\"message\":\"Maximum number of tasks reached\"}"),
            Fault.status(429));

    ImportReport<String> report =
        BulkImporter.builder(csm, BulkTarget.CUSTOMER_PROFILES)
            .jobId("bp")
            .maxInFlight(1)
            .build()
            .run(emails(500), SandboxImports::create);

    assertThat(report.counts().succeeded()).isEqualTo(500);
    assertThat(sandbox.requestCount(Endpoint.CUSTOMER_PROFILES)).isEqualTo(10 + 3);
    assertThat(sandbox.tasks()).hasSize(10);
    // one at a time: the server saw the records in input order
    assertThat(
            sandbox.customers().stream()
                .sorted((a, b) -> Long.compare(sequence(a), sequence(b)))
                .map(CustomerSnapshot::email)
                .toList())
        .isEqualTo(emails(500));
    assertThat(sandbox.tasks())
        .allSatisfy(t -> assertThat(sandbox.requestCount(t.idempotencyKey())).isPositive());
  }

  /** The sandbox's customer ids end with a sequence number: {@code qm:<tenant>:<n>}. */
  private static long sequence(CustomerSnapshot c) {
    return Long.parseLong(c.id().substring(c.id().lastIndexOf(':') + 1));
  }

  @Test
  void moreInFlightThanTheTenantAllowsStillImportsEverythingOnce() {
    CsmSandbox sandbox = sandbox(CsmSandbox.builder().runsFor(Duration.ofMillis(30)).taskLimit(2));
    CsmClient csm = client(sandbox);

    ImportReport<String> report =
        BulkImporter.builder(csm, BulkTarget.CUSTOMER_PROFILES)
            .jobId("over")
            .maxInFlight(6)
            .build()
            .run(emails(1_000), SandboxImports::create);

    assertThat(report.counts().succeeded()).isEqualTo(1_000);
    assertThat(sandbox.tasks()).hasSize(20);
    assertThat(sandbox.requestCount(Endpoint.CUSTOMER_PROFILES)).isGreaterThan(20);
    assertThat(sandbox.customers())
        .allSatisfy(s -> assertThat(sandbox.creationCount(s.email())).isEqualTo(1));
  }

  @Test
  void aTaskThatNeverEndsIsReportedUnresolvedWithItsId() {
    CsmSandbox sandbox = sandbox(CsmSandbox.builder().runsFor(Duration.ofMillis(10)));
    CsmClient csm = client(sandbox);
    sandbox.faults().on(Endpoint.CUSTOMER_PROFILES).next(Fault.taskStuck());

    // one in flight, so that batch 1 is surely the first request (and the one the fault makes
    // stuck):
    // with several in flight their POSTs may reach the server in any order
    ImportReport<String> report =
        BulkImporter.builder(csm, BulkTarget.CUSTOMER_PROFILES)
            .jobId("stuck")
            .maxInFlight(1)
            .maxTaskWait(Duration.ofMillis(400))
            .build()
            .run(emails(120), SandboxImports::create);

    assertThat(report.counts()).isEqualTo(new ImportReport.Counts(120, 0, 0, 0, 120, 70, 0, 50, 0));
    String stuckTask = report.batches().get(0).taskId().orElseThrow();
    assertThat(report.batches().get(0).finalStatus()).isEqualTo("UNRESOLVED");
    assertThat(report.failures())
        .hasSize(50)
        .allSatisfy(
            f -> {
              assertThat(f.stage()).isEqualTo(Stage.UNRESOLVED);
              assertThat(f.taskId()).contains(stuckTask);
              assertThat(f.message()).contains(stuckTask).contains("IN_PROGRESS");
            });
  }

  @Test
  void closeReturnsWithinItsGraceAndAccountsForEveryRecordRead() throws Exception {
    CsmSandbox sandbox = sandbox(CsmSandbox.builder().runsFor(Duration.ofSeconds(60)).taskLimit(5));
    CsmClient csm = client(sandbox);
    CountDownLatch fiveSent = new CountDownLatch(5);
    ImportJob<String> job =
        BulkImporter.builder(csm, BulkTarget.CUSTOMER_PROFILES)
            .jobId("close")
            .listener(
                new ImportListener() {
                  @Override
                  public void batchSubmitted(ImportReport.BatchLog batch) {
                    fiveSent.countDown();
                  }
                })
            .build()
            .start(emails(2_000).iterator(), SandboxImports::create);
    assertThat(fiveSent.await(10, TimeUnit.SECONDS)).isTrue();

    long start = System.nanoTime();
    ImportReport<String> report = job.close(Duration.ofMillis(300));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));

    ImportReport.Counts c = report.counts();
    assertThat(c.balanced()).as(c.toString()).isTrue();
    assertThat(c.unresolved()).isEqualTo(250);
    assertThat(c.notSubmitted()).isEqualTo(c.read() - 250);
    assertThat(report.stopReason()).contains("closed by the caller");
    assertThat(job.isDone()).isTrue();
  }

  @Test
  void aStoppedJobResumesFromItsJournalWithoutCreatingAnythingTwice() throws Exception {
    CsmSandbox sandbox = sandbox(CsmSandbox.builder().runsFor(Duration.ofMillis(40)));
    CsmClient csm = client(sandbox);
    Path journal = dir.resolve("customers.journal");
    List<String> input = emails(1_500);

    ImportJob<String> first =
        BulkImporter.builder(csm, BulkTarget.CUSTOMER_PROFILES)
            .jobId("resume")
            .journal(journal)
            .build()
            .start(input.iterator(), SandboxImports::create);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!Files.exists(journal)
        || Files.readAllLines(journal).stream().filter(l -> l.contains("\"finished\"")).count()
            < 8) {
      assertThat(System.nanoTime()).as("8 batches journaled within 30 s").isLessThan(deadline);
      Thread.sleep(5);
    }
    ImportReport<String> stopped = first.cancel();
    assertThat(stopped.counts().balanced()).isTrue();
    assertThat(stopped.counts().succeeded()).isBetween(400L, 1_499L);

    ImportReport<String> resumed =
        BulkImporter.builder(csm, BulkTarget.CUSTOMER_PROFILES)
            .jobId("resume")
            .journal(journal)
            .build()
            .run(input, SandboxImports::create);

    assertThat(resumed.counts())
        .isEqualTo(new ImportReport.Counts(1_500, 0, 0, 0, 1_500, 1_500, 0, 0, 0));
    assertThat(sandbox.customers())
        .hasSize(1_500)
        .allSatisfy(s -> assertThat(sandbox.creationCount(s.email())).isEqualTo(1));
    // each batch made one task, across both runs: the resumed run sent no finished batch again
    assertThat(sandbox.tasks()).hasSize(30);

    ImportReport<String> again =
        BulkImporter.builder(csm, BulkTarget.CUSTOMER_PROFILES)
            .jobId("resume")
            .journal(journal)
            .build()
            .run(input, SandboxImports::create);
    assertThat(again.counts().succeeded()).isEqualTo(1_500);
    assertThat(sandbox.tasks()).hasSize(30);
  }

  @Test
  void aJournalThatDoesNotMatchTheInputIsRefused() {
    CsmSandbox sandbox = sandbox(CsmSandbox.builder().runsFor(Duration.ofMillis(5)));
    CsmClient csm = client(sandbox);
    Path journal = dir.resolve("j");
    BulkImporter.builder(csm, BulkTarget.CUSTOMER_PROFILES)
        .jobId("m")
        .journal(journal)
        .build()
        .run(emails(100), SandboxImports::create);
    List<String> changed = new ArrayList<>(emails(100));
    changed.set(60, "someone.else@example.com");

    assertThatThrownBy(
            () ->
                BulkImporter.builder(csm, BulkTarget.CUSTOMER_PROFILES)
                    .jobId("m")
                    .journal(journal)
                    .build()
                    .run(changed, SandboxImports::create))
        .isInstanceOf(JournalMismatchException.class)
        .hasMessageContaining("batch 2 was sent with other records");
    assertThatThrownBy(
            () ->
                BulkImporter.builder(csm, BulkTarget.CUSTOMER_PROFILES)
                    .jobId("m")
                    .journal(journal)
                    .build()
                    .run(emails(50), SandboxImports::create))
        .isInstanceOf(JournalMismatchException.class)
        .hasMessageContaining("it has 2 batches but the input now makes 1");
    assertThat(sandbox.tasks()).hasSize(2);
  }

  @Test
  void theFailureThresholdAlertsAndCanStopTheJob() {
    CsmSandbox sandbox = sandbox(CsmSandbox.builder().runsFor(Duration.ofMillis(5)));
    CsmClient csm = client(sandbox);
    List<String> input = new ArrayList<>(emails(2_000));
    for (int i = 0; i < input.size(); i += 5) {
      input.set(i, "broken-" + i);
    }
    double[] alert = new double[2];
    ImportReport<String> report =
        BulkImporter.builder(csm, BulkTarget.CUSTOMER_PROFILES)
            .jobId("threshold")
            .maxInFlight(1)
            .stopOnFailureThreshold(true)
            .listener(
                new ImportListener() {
                  @Override
                  public void failureThresholdExceeded(double rate, double threshold) {
                    alert[0] = rate;
                    alert[1] = threshold;
                  }
                })
            .build()
            .run(input, SandboxImports::create);

    assertThat(alert[0]).isGreaterThan(0.05);
    assertThat(alert[1]).isEqualTo(0.05);
    assertThat(report.stopped()).isTrue();
    assertThat(report.stopReason().orElseThrow()).contains("passed the threshold 5.0%");
    assertThat(report.counts().balanced()).isTrue();
    assertThat(report.counts().read()).isLessThan(2_000);
  }
}
