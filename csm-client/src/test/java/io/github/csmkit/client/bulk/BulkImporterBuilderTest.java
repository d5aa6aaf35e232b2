package io.github.csmkit.client.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.csmkit.client.Credentials;
import io.github.csmkit.client.CsmClient;
import io.github.csmkit.client.model.CustomerProfileBatch;
import io.github.csmkit.client.model.CustomerProfileOperation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The importer builder's argument checks and defaults; nothing is sent. */
class BulkImporterBuilderTest {
  private final CsmClient csm =
      CsmClient.builder()
          .baseUri("https://csm.example.com")
          .credentials(Credentials.bearer("t"))
          .build();

  @AfterEach
  void close() {
    csm.close();
  }

  private BulkImporter.Builder<CustomerProfileOperation, CustomerProfileBatch> builder() {
    return BulkImporter.builder(csm, BulkTarget.CUSTOMER_PROFILES);
  }

  @Test
  void defaults() {
    BulkImporter<CustomerProfileOperation, CustomerProfileBatch> importer = builder().build();
    assertThat(importer.jobId()).matches("job-[0-9a-f-]{36}");
    assertThat(builder().build().jobId()).isNotEqualTo(importer.jobId());
    assertThat(importer.target()).isSameAs(BulkTarget.CUSTOMER_PROFILES);
    assertThat(importer.failureThreshold).isEqualTo(0.05);
    assertThat(importer.stopOnFailureThreshold).isFalse();
    assertThat(importer.maxInFlight).isEqualTo(5);
    assertThat(importer.batchSize).isEqualTo(50);
    assertThat(importer.maxTaskWait).isEqualTo(Duration.ofMinutes(15));
    assertThat(importer.initialTaskEstimate).isEqualTo(Duration.ofSeconds(1));
    assertThat(importer.minPollInterval).isEqualTo(Duration.ofMillis(10));
    assertThat(importer.maxPollInterval).isEqualTo(Duration.ofSeconds(10));
    assertThat(importer.journal).isEmpty();
    assertThat(importer.dedupeKey).isPresent();
    assertThat(importer.expectedRecords).isEmpty();
    assertThat(builder().jobId("j").build())
        .hasToString("BulkImporter[customer profiles, job j, maxInFlight 5, batchSize 50]");
  }

  @Test
  void everySettingIsKept() {
    BulkImporter<CustomerProfileOperation, CustomerProfileBatch> importer =
        builder()
            .jobId("x".repeat(100))
            .journal(Path.of("j.journal"))
            .failureThreshold(1)
            .stopOnFailureThreshold(true)
            .maxInFlight(100)
            .batchSize(1)
            .maxTaskWait(Duration.ofSeconds(3))
            .initialTaskEstimate(Duration.ofMillis(7))
            .pollInterval(Duration.ofMillis(5), Duration.ofMillis(5))
            .expectedRecords(12)
            .dedupeBy(op -> Optional.of("k"))
            .build();
    assertThat(importer.jobId()).hasSize(100);
    assertThat(importer.journal).contains(Path.of("j.journal"));
    assertThat(importer.failureThreshold).isEqualTo(1.0);
    assertThat(importer.stopOnFailureThreshold).isTrue();
    assertThat(importer.maxInFlight).isEqualTo(100);
    assertThat(importer.batchSize).isEqualTo(1);
    assertThat(importer.maxTaskWait).isEqualTo(Duration.ofSeconds(3));
    assertThat(importer.initialTaskEstimate).isEqualTo(Duration.ofMillis(7));
    assertThat(importer.minPollInterval).isEqualTo(Duration.ofMillis(5));
    assertThat(importer.maxPollInterval).isEqualTo(Duration.ofMillis(5));
    assertThat(importer.expectedRecords).isEqualTo(OptionalLong.of(12));
    assertThat(importer.dedupeKey.orElseThrow().apply(null)).contains("k");
    assertThat(builder().failureThreshold(0).noDedupe().expectedRecords(-1).build())
        .satisfies(
            i -> {
              assertThat(i.failureThreshold).isZero();
              assertThat(i.dedupeKey).isEmpty();
              assertThat(i.expectedRecords).isEmpty();
            });
  }

  @Test
  void theJobIdIsOneToAHundredCharacters() {
    for (String bad : new String[] {"", "   ", "x".repeat(101)}) {
      assertThatThrownBy(() -> builder().jobId(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("jobId must be 1 to 100 characters, not blank");
    }
    assertThatThrownBy(() -> builder().jobId(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("jobId");
  }

  @Test
  void batchSizeIsOneToFifty() {
    assertThatThrownBy(() -> builder().batchSize(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("batchSize must be 1 to 50: 0");
    assertThatThrownBy(() -> builder().batchSize(51))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("batchSize must be 1 to 50: 51");
    assertThat(builder().batchSize(50).build().batchSize).isEqualTo(50);
  }

  @Test
  void maxInFlightIsOneToAHundred() {
    assertThatThrownBy(() -> builder().maxInFlight(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxInFlight must be 1 to 100: 0");
    assertThatThrownBy(() -> builder().maxInFlight(101))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxInFlight must be 1 to 100: 101");
    assertThat(builder().maxInFlight(1).build().maxInFlight).isEqualTo(1);
  }

  @Test
  void theFailureThresholdIsARate() {
    assertThatThrownBy(() -> builder().failureThreshold(-0.01))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("failureThreshold must be between 0 and 1: -0.01");
    assertThatThrownBy(() -> builder().failureThreshold(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("failureThreshold must be between 0 and 1: 1.5");
    assertThatThrownBy(() -> builder().failureThreshold(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("failureThreshold must be between 0 and 1: NaN");
  }

  @Test
  void durationsArePositiveAndThePollIntervalOrdered() {
    assertThatThrownBy(() -> builder().pollInterval(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("poll interval min PT2S is above max PT1S");
    assertThatThrownBy(() -> builder().pollInterval(Duration.ZERO, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("min must be positive: PT0S");
    assertThatThrownBy(() -> builder().pollInterval(Duration.ofSeconds(1), Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("max must be positive: PT-1S");
    assertThatThrownBy(() -> builder().maxTaskWait(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxTaskWait must be positive: PT0S");
    assertThatThrownBy(() -> builder().initialTaskEstimate(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("initialTaskEstimate must be positive: PT-0.001S");
    assertThatThrownBy(() -> builder().maxTaskWait(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void aJournalNeedsAJobId() {
    assertThatThrownBy(() -> builder().journal(Path.of("j")).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("a journal needs a job id: set jobId(...) so that a rerun finds its batches");
    assertThat(builder().journal(Path.of("j")).jobId("j").build().journal).contains(Path.of("j"));
  }

  @Test
  void nullsAreRefused() {
    assertThatThrownBy(() -> BulkImporter.builder(null, BulkTarget.CUSTOMER_PROFILES))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("client");
    assertThatThrownBy(() -> BulkImporter.builder(csm, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("target");
    assertThatThrownBy(() -> builder().journal(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("journal");
    assertThatThrownBy(() -> builder().listener(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("listener");
    assertThatThrownBy(() -> builder().dedupeBy(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("key");
    assertThatThrownBy(() -> builder().build().run(java.util.List.of(), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("mapping");
  }
}
