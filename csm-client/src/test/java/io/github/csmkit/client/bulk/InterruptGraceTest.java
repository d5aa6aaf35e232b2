package io.github.csmkit.client.bulk;

import static io.github.csmkit.client.bulk.SandboxImports.emails;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.csmkit.client.CsmClient;
import io.github.csmkit.client.bulk.ImportReport.Stage;
import io.github.csmkit.client.model.CustomerProfileOperation;
import io.github.csmkit.sandbox.CsmSandbox;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * An interrupted {@link BulkImporter#run}: the tasks in flight get the interrupt grace, as {@link
 * ImportJob#close(Duration)} promises, and nothing new is sent.
 */
class InterruptGraceTest {
  /** 10 records a batch, 3 batches in flight, 500 records: most are never sent. */
  private static ImportReport<String> interruptedRun(
      CsmSandbox sandbox, Duration grace, AtomicBoolean flagAfter) throws Exception {
    try (CsmClient csm = SandboxImports.client(sandbox)) {
      CountDownLatch threeSent = new CountDownLatch(3);
      BulkImporter<CustomerProfileOperation, ?> importer =
          BulkImporter.builder(csm, BulkTarget.CUSTOMER_PROFILES)
              .jobId("interrupt")
              .batchSize(10)
              .maxInFlight(3)
              .initialTaskEstimate(Duration.ofMillis(50))
              .interruptGrace(grace)
              .listener(
                  new ImportListener() {
                    @Override
                    public void batchSubmitted(ImportReport.BatchLog batch) {
                      threeSent.countDown();
                    }
                  })
              .build();
      AtomicReference<ImportReport<String>> report = new AtomicReference<>();
      Thread caller =
          new Thread(
              () -> {
                report.set(importer.run(emails(500), SandboxImports::create));
                flagAfter.set(Thread.currentThread().isInterrupted());
              });
      caller.start();
      assertThat(threeSent.await(10, TimeUnit.SECONDS)).isTrue();
      caller.interrupt();
      caller.join(TimeUnit.SECONDS.toMillis(20));
      assertThat(caller.isAlive()).isFalse();
      return report.get();
    }
  }

  @Test
  void tasksThatEndWithinTheGraceAreReportedImported() throws Exception {
    try (CsmSandbox sandbox =
        CsmSandbox.builder().runsFor(Duration.ofMillis(1_500)).taskLimit(5).start()) {
      AtomicBoolean flag = new AtomicBoolean();
      ImportReport<String> report = interruptedRun(sandbox, Duration.ofSeconds(10), flag);

      ImportReport.Counts c = report.counts();
      assertThat(c.balanced()).as(c.toString()).isTrue();
      // before the fix: the 30 records in flight were UNRESOLVED at once
      assertThat(c.succeeded()).as(c.toString()).isEqualTo(30);
      assertThat(c.unresolved()).isZero();
      assertThat(c.notSubmitted()).isEqualTo(c.read() - 30);
      assertThat(sandbox.customers()).hasSize(30);
      assertThat(report.stopReason()).contains("interrupted");
      assertThat(flag).isTrue();
    }
  }

  @Test
  void tasksStillRunningWhenTheGraceEndsAreUnresolvedWithTheirTaskId() throws Exception {
    try (CsmSandbox sandbox =
        CsmSandbox.builder().runsFor(Duration.ofSeconds(30)).taskLimit(5).start()) {
      long start = System.nanoTime();
      ImportReport<String> report =
          interruptedRun(sandbox, Duration.ofMillis(300), new AtomicBoolean());
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));

      ImportReport.Counts c = report.counts();
      assertThat(c.balanced()).as(c.toString()).isTrue();
      assertThat(c.succeeded()).isZero();
      assertThat(c.unresolved()).isEqualTo(30);
      assertThat(report.failures())
          .filteredOn(f -> f.stage() == Stage.UNRESOLVED)
          .hasSize(30)
          .allSatisfy(f -> assertThat(f.taskId()).isPresent());
    }
  }
}
