package io.github.csmkit.client.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csmkit.client.CsmClient;
import io.github.csmkit.client.bulk.ImportReport.Stage;
import io.github.csmkit.client.error.Violation;
import io.github.csmkit.client.model.CustomerProfile;
import io.github.csmkit.client.model.CustomerProfileOperation;
import io.github.csmkit.sandbox.CsmSandbox;
import io.github.csmkit.sandbox.Endpoint;
import io.github.csmkit.sandbox.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One record's size never fails its batch: the engine keeps every request under the limit (a record
 * too large alone is rejected by itself), against a sandbox that answers 413 past the same limit.
 */
class RequestSizeTest {
  private static final int LIMIT = 64 * 1024;
  private final CsmSandbox sandbox =
      CsmSandbox.builder().runsFor(Duration.ofMillis(5)).maxRequestBytes(LIMIT).start();
  private final CsmClient csm = SandboxImports.client(sandbox);

  @AfterEach
  void close() {
    csm.close();
    sandbox.close();
  }

  /** Record i as a profile whose display name is {@code size} characters. */
  private static CustomerProfileOperation sized(int i, int size) {
    return CustomerProfileOperation.create(
        CustomerProfile.builder()
            .email(SandboxImports.email(i))
            .displayName("n" + "x".repeat(Math.max(0, size - 1)))
            .build());
  }

  private ImportReport<Integer> run(List<Integer> sizes) {
    return BulkImporter.builder(csm, BulkTarget.CUSTOMER_PROFILES)
        .jobId("size")
        .maxRequestBytes(LIMIT)
        .build()
        .run(IntStream.range(0, sizes.size()).boxed().toList(), i -> sized(i, sizes.get(i)));
  }

  private void assertNoRequestOverTheLimit() {
    List<RecordedRequest> sent = sandbox.requestLog().to(Endpoint.CUSTOMER_PROFILES);
    assertThat(sent).isNotEmpty();
    assertThat(sent).allSatisfy(r -> assertThat(r.bodySize()).isLessThanOrEqualTo(LIMIT));
    assertThat(sent).allSatisfy(r -> assertThat(r.status()).isBetween(200, 299));
  }

  @Test
  void aRecordTooLargeAloneIsRejectedByItselfAndTheOther49AreImported() {
    List<Integer> sizes = new java.util.ArrayList<>(java.util.Collections.nCopies(50, 20));
    sizes.set(17, LIMIT); // its own request would be over the limit
    ImportReport<Integer> report = run(sizes);

    assertThat(report.counts().succeeded()).isEqualTo(49);
    assertThat(report.failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.index()).isEqualTo(17);
              assertThat(f.stage()).isEqualTo(Stage.VALIDATION);
              assertThat(f.rule()).contains(Violation.Rule.MAX_REQUEST_BYTES.name());
              assertThat(f.message()).contains("more than the " + LIMIT);
            });
    assertThat(report.counts().balanced()).isTrue();
    assertNoRequestOverTheLimit();
    assertThat(sandbox.customers()).hasSize(49);
    assertThat(sandbox.creationCount(SandboxImports.email(17))).isZero();
  }

  @Test
  void batchesThatWouldBeTooLargeAreSplitSoNoRequestGoesOver() {
    // 50 records of 5 KB: one batch of 50 would be ~250 KB, four times the limit
    ImportReport<Integer> report = run(java.util.Collections.nCopies(50, 5000));

    assertThat(report.counts().succeeded()).isEqualTo(50);
    assertThat(report.failures()).isEmpty();
    assertNoRequestOverTheLimit();
    assertThat(sandbox.requestLog().to(Endpoint.CUSTOMER_PROFILES).size()).isBetween(4, 6);
    assertThat(sandbox.customers()).hasSize(50);
  }

  @Test
  void aRecordJustUnderTheLimitAloneIsSentAlone() {
    int bodyOfOneChar =
        csm.customerProfiles()
            .requestBody(
                io.github.csmkit.client.model.CustomerProfileBatch.builder()
                    .addOperations(sized(1, 1))
                    .build())
            .length;
    // record 1's request alone is exactly the limit; its neighbours are small
    ImportReport<Integer> report = run(List.of(10, LIMIT - bodyOfOneChar + 1, 10));

    assertThat(report.counts().succeeded()).isEqualTo(3);
    assertNoRequestOverTheLimit();
    assertThat(sandbox.requestLog().to(Endpoint.CUSTOMER_PROFILES))
        .extracting(RecordedRequest::bodySize)
        .contains(LIMIT);
  }
}
