package io.github.csmkit.client.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csmkit.client.CsmClient;
import io.github.csmkit.sandbox.CsmSandbox;
import io.github.csmkit.sandbox.CustomerSnapshot;
import io.github.csmkit.sandbox.Endpoint;
import io.github.csmkit.sandbox.Fault;
import io.github.csmkit.sandbox.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The next batch goes out at a task's predicted end, before the poll that confirms it; a task-limit
 * answer to that early submit is "not yet" for that batch alone.
 */
class EarlySubmitTest {
  private static final Duration SLOW_POLL = Duration.ofMillis(400);

  private final CsmSandbox sandbox =
      CsmSandbox.builder().runsFor(Duration.ofMillis(100)).taskLimit(5).start();
  private final CsmClient csm = SandboxImports.client(sandbox);

  @AfterEach
  void close() {
    csm.close();
    sandbox.close();
  }

  @Test
  void aTaskLimitAnswerToAnEarlySubmitIsResentWhenTheLenderSettlesAndCountsAsNothing() {
    // once batch 2 is out, its first poll is slow and the next submit (batch 3, sent at batch 2's
    // predicted end on its lent slot) is told the tenant is full
    ImportListener inject =
        new ImportListener() {
          @Override
          public void batchSubmitted(ImportReport.BatchLog batch) {
            if (batch.batch() == 2) {
              sandbox.faults().on(Endpoint.TASK_GET).next(Fault.delay(SLOW_POLL));
              sandbox
                  .faults()
                  .on(Endpoint.CUSTOMER_PROFILES)
                  .next(Fault.status(400, "{\"message\":\"Maximum number of tasks reached\"}"));
            }
          }
        };

    ImportReport<String> report =
        BulkImporter.builder(csm, io.github.csmkit.client.bulk.BulkTarget.CUSTOMER_PROFILES)
            .jobId("early")
            .maxInFlight(1)
            .listener(inject)
            .build()
            .run(SandboxImports.emails(200), SandboxImports::create);

    assertThat(report.counts()).isEqualTo(new ImportReport.Counts(200, 0, 0, 0, 200, 200, 0, 0, 0));
    assertThat(report.failures()).isEmpty();
    assertThat(sandbox.tasks()).hasSize(4);
    assertThat(sandbox.customers())
        .extracting(CustomerSnapshot::email)
        .containsExactlyInAnyOrderElementsOf(SandboxImports.emails(200));
    // one refused early submit, resent once with the same key
    List<RecordedRequest> submits = sandbox.requestLog().to(Endpoint.CUSTOMER_PROFILES);
    assertThat(submits).hasSize(5);
    String third = report.batches().get(2).idempotencyKey();
    List<RecordedRequest> sends =
        submits.stream()
            .filter(r -> third.equals(r.header("Idempotency-Key")))
            .collect(Collectors.toList());
    assertThat(sends).extracting(RecordedRequest::status).containsExactly(400, 201);
    // batch 3 went out before batch 2's (slow) poll answered, and was resent only after it
    RecordedRequest lenderPoll =
        sandbox.requestLog().to(Endpoint.TASK_GET).stream()
            .filter(r -> r.path().endsWith(report.batches().get(1).taskId().orElseThrow()))
            .findFirst()
            .orElseThrow();
    assertThat(sends.get(0).receivedAt()).isBefore(lenderPoll.receivedAt().plus(SLOW_POLL));
    assertThat(Duration.between(sends.get(0).receivedAt(), sends.get(1).receivedAt()))
        .isGreaterThanOrEqualTo(SLOW_POLL.minusMillis(150));
  }
}
