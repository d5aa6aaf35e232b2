package io.github.csmkit.client.bulk;

import static io.github.csmkit.client.bulk.SandboxImports.emails;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.csmkit.client.Credentials;
import io.github.csmkit.client.CsmClient;
import io.github.csmkit.client.RetryPolicy;
import io.github.csmkit.client.bulk.ImportReport.Stage;
import io.github.csmkit.sandbox.CsmSandbox;
import io.github.csmkit.sandbox.Endpoint;
import io.github.csmkit.sandbox.Fault;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A submit whose outcome is unknown (the server may have processed it) is UNRESOLVED, not failed.
 */
class UnknownOutcomeTest {
  @Test
  void resetsAfterProcessingOnEveryAttemptLeaveTheBatchUnresolved() {
    try (CsmSandbox sandbox = CsmSandbox.builder().runsFor(Duration.ofMillis(10)).start();
        CsmClient csm =
            CsmClient.builder()
                .baseUri(sandbox.baseUri())
                .credentials(Credentials.bearer(sandbox.token()))
                .retryPolicy(
                    RetryPolicy.builder()
                        .maxAttempts(2)
                        .initialBackoff(Duration.ofMillis(5))
                        .build())
                .build()) {
      sandbox
          .faults()
          .on(Endpoint.CUSTOMER_PROFILES)
          .next(Fault.resetAfterProcessing(), Fault.resetAfterProcessing());

      ImportReport<String> report =
          BulkImporter.builder(csm, BulkTarget.CUSTOMER_PROFILES)
              .jobId("unknown")
              .maxInFlight(1)
              .build()
              .run(emails(60), SandboxImports::create);

      assertThat(report.counts()).isEqualTo(new ImportReport.Counts(60, 0, 0, 0, 60, 10, 0, 50, 0));
      assertThat(report.failures())
          .hasSize(50)
          .allSatisfy(
              f -> {
                assertThat(f.stage()).isEqualTo(Stage.UNRESOLVED);
                assertThat(f.message()).contains("may have been processed").contains("rerun");
              });
      assertThat(report.batches().get(0).finalStatus()).isEqualTo("UNRESOLVED");
      assertThat(report.recordsToRetry()).hasSize(50);
      // the server did process them: "failed" would have been a lie
      assertThat(sandbox.customers()).hasSize(60);
    }
  }
}
