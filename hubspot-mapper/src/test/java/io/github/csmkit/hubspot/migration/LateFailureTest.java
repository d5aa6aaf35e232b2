package io.github.csmkit.hubspot.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.csmkit.client.Credentials;
import io.github.csmkit.client.CsmClient;
import io.github.csmkit.client.RetryPolicy;
import io.github.csmkit.hubspot.migration.MigrationListener.Phase;
import io.github.csmkit.hubspot.source.CsvExportSource;
import io.github.csmkit.sandbox.CsmSandbox;
import io.github.csmkit.sandbox.Endpoint;
import io.github.csmkit.sandbox.Fault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever ends a migration, it ends with a report of what it did (issue 16, item 5): before, an
 * error after the import (the verification fetch answering 500, an organization look-up refused) or
 * an interrupt between phases made {@link HubSpotMigration#run} throw, and the report of what had
 * been imported was lost.
 */
class LateFailureTest {
  private static final String COMPANIES =
      """
      "Record ID","Company name"
      "101","Acme Corporation"
      "102","Tech Innovators"
      """;

  private static final String CONTACTS =
      """
      "Record ID","First Name","Email","Company Name","Associated Company IDs"
      "1","John","john.doe@example.com","Acme Corporation","101"
      "2","Jane","jane.roe@example.com","Tech Innovators","102"
      "3","Max","max@globex.com","",""
      "4","Bad","bad-email@","",""
      """;

  @TempDir Path dir;
  private CsmSandbox sandbox;
  private CsmClient csm;
  private Path companies;
  private Path contacts;

  @BeforeEach
  void start() throws Exception {
    sandbox = CsmSandbox.builder().runsFor(Duration.ofMillis(5)).start();
    csm =
        CsmClient.builder()
            .baseUri(sandbox.baseUri())
            .credentials(Credentials.bearer(sandbox.token()))
            .retryPolicy(
                RetryPolicy.builder()
                    .maxAttempts(3)
                    .initialBackoff(Duration.ofMillis(5))
                    .maxBackoff(Duration.ofMillis(20))
                    .build())
            .build();
    companies = Files.writeString(dir.resolve("companies.csv"), COMPANIES);
    contacts = Files.writeString(dir.resolve("contacts.csv"), CONTACTS);
  }

  @AfterEach
  void stop() {
    Thread.interrupted(); // an interrupt test leaves the flag set, as the migration promises
    csm.close();
    sandbox.close();
  }

  private MigrationReport migrate(HubSpotMigration.Builder b) {
    return b.build()
        .run(CsvExportSource.companies(companies), () -> CsvExportSource.contacts(contacts));
  }

  private JsonNode json(MigrationReport r) throws Exception {
    Path file = dir.resolve("report-" + System.nanoTime() + ".json");
    r.writeJson(file);
    return new ObjectMapper().readTree(file.toFile());
  }

  @Test
  void aVerificationFetchAnswering500EndsWithTheImportReported() throws Exception {
    sandbox.faults().on(Endpoint.CUSTOMER_PROFILE_FETCH).times(3, Fault.status(500));

    MigrationReport r = migrate(HubSpotMigration.builder(csm).jobId("verify-500"));

    assertThat(r.customers().orElseThrow().counts().succeeded()).isEqualTo(3);
    assertThat(r.customers().orElseThrow().counts().rejected()).isEqualTo(1);
    assertThat(sandbox.customers()).hasSize(3);
    MigrationFailure f = r.failure().orElseThrow();
    assertThat(f.phase()).isEqualTo(Phase.VERIFICATION);
    assertThat(f.interrupted()).isFalse();
    assertThat(f.message()).startsWith("the verification phase failed: ").contains("500");
    assertThat(r.stopReason()).contains(f.message());
    assertThat(r.phasesNotReached()).isEmpty();
    assertThat(r.verification().passed()).isFalse();
    assertThat(r.complete()).isFalse();
    assertThat(r.summary()).contains("STOPPED: the verification phase failed");

    JsonNode j = json(r);
    assertThat(j.at("/failure/phase").asText()).isEqualTo("verification");
    assertThat(j.at("/failure/interrupted").asBoolean()).isFalse();
    assertThat(j.at("/phases/customers/imported").asLong()).isEqualTo(3);
    assertThat(j.at("/verification/passed").asBoolean()).isFalse();
    assertThat(j.at("/complete").asBoolean()).isFalse();
    Path deadLetters = dir.resolve("dead.csv");
    r.writeDeadLetters(deadLetters);
    assertThat(Files.readString(deadLetters)).contains("bad-email@");
  }

  @Test
  void anOrganizationLookUpRefusedAfterTheImportKeepsWhatWasImported() throws Exception {
    // the first look-up (what CSM has) passes; the one after the import (the ids made) is refused
    sandbox
        .faults()
        .on(Endpoint.ORGANIZATION_FETCH)
        .next(Fault.delay(Duration.ZERO), Fault.status(400, "{\"message\":\"refused\"}"));

    MigrationReport r = migrate(HubSpotMigration.builder(csm).jobId("lookup-400"));

    assertThat(r.organizations().orElseThrow().counts().succeeded()).isEqualTo(2);
    assertThat(sandbox.organizations()).hasSize(2);
    assertThat(r.customers()).isEmpty();
    assertThat(sandbox.customers()).isEmpty();
    MigrationFailure f = r.failure().orElseThrow();
    assertThat(f.phase()).isEqualTo(Phase.ORGANIZATIONS);
    assertThat(f.message()).startsWith("the organizations phase failed: ");
    assertThat(r.phasesNotReached()).containsExactly(Phase.CUSTOMERS, Phase.VERIFICATION);
    assertThat(r.contactsReadToEnd()).isFalse();
    assertThat(r.recordsNotImported()).isZero(); // of what was read: nothing of the customers
    assertThat(r.summary())
        .contains("organizations: 2 read, 2 imported")
        .contains("not reached: customers, verification (nothing of them was read or sent)")
        .doesNotContain("customers: ");

    JsonNode j = json(r);
    assertThat(j.at("/phases/organizations/imported").asLong()).isEqualTo(2);
    assertThat(j.at("/phases/customers").isMissingNode()).isTrue();
    assertThat(j.path("phasesNotReached").toString()).isEqualTo("[\"customers\",\"verification\"]");
  }

  @Test
  void anInterruptBetweenPhasesEndsBeforeTheNextWithTheFlagSet() throws Exception {
    Thread caller = Thread.currentThread();
    MigrationListener interruptAfterOrganizations =
        new MigrationListener() {
          @Override
          public void phaseFinished(Phase phase, String summary) {
            if (phase == Phase.ORGANIZATIONS) {
              caller.interrupt(); // Ctrl-C, as the command line's shutdown hook does it
            }
          }

          @Override
          public void phaseStarted(Phase phase, OptionalLong total) {}
        };

    MigrationReport r =
        migrate(
            HubSpotMigration.builder(csm).jobId("between").listener(interruptAfterOrganizations));

    assertThat(Thread.currentThread().isInterrupted()).isTrue();
    MigrationFailure f = r.failure().orElseThrow();
    assertThat(f.interrupted()).isTrue();
    assertThat(f.phase()).isEqualTo(Phase.CUSTOMERS);
    assertThat(f.message()).isEqualTo("interrupted before the customers phase");
    assertThat(r.phasesNotReached()).isEqualTo(List.of(Phase.CUSTOMERS, Phase.VERIFICATION));
    assertThat(r.organizations().orElseThrow().counts().succeeded()).isEqualTo(2);
    assertThat(sandbox.customers()).isEmpty();
    Thread.interrupted(); // the report can be written once the flag is cleared
    assertThat(json(r).at("/failure/message").asText())
        .isEqualTo("interrupted before the customers phase");
  }
}
