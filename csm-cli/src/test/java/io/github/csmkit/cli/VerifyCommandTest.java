package io.github.csmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.csmkit.cli.CliRunner.Result;
import io.github.csmkit.client.Credentials;
import io.github.csmkit.client.CsmClient;
import io.github.csmkit.client.model.CustomerProfile;
import io.github.csmkit.client.model.CustomerProfileBatch;
import io.github.csmkit.client.model.CustomerProfileOperation;
import io.github.csmkit.client.model.Detail;
import io.github.csmkit.client.model.DetailFieldBatch;
import io.github.csmkit.client.model.DetailFieldDefinition;
import io.github.csmkit.client.model.DetailFieldType;
import io.github.csmkit.client.model.OrganizationProfile;
import io.github.csmkit.client.model.OrganizationProfileBatch;
import io.github.csmkit.client.model.OrganizationProfileOperation;
import io.github.csmkit.hubspot.state.FieldHashes;
import io.github.csmkit.hubspot.state.ObjectType;
import io.github.csmkit.hubspot.state.Settlement;
import io.github.csmkit.hubspot.state.SyncRun;
import io.github.csmkit.hubspot.state.SyncState;
import io.github.csmkit.sandbox.CsmSandbox;
import io.github.csmkit.sandbox.CustomerSnapshot;
import io.github.csmkit.sandbox.Endpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code csmkit verify} against the sandbox and a SQLite state. */
class VerifyCommandTest {
  private static final String TOKEN = "verify-token-0123456789abcdef";

  @TempDir Path dir;
  private CsmSandbox sandbox;
  private CsmClient csm;
  private String orgId;
  private Map<String, String> customerIds;

  @BeforeEach
  void seed() {
    sandbox = CsmSandbox.builder().runsFor(Duration.ofMillis(2)).token(TOKEN).start();
    csm =
        CsmClient.builder()
            .baseUri(sandbox.baseUri())
            .credentials(Credentials.bearer(TOKEN))
            .build();
    csm.tasks()
        .await(
            csm.customerDetailFields()
                .submit(
                    DetailFieldBatch.of(
                        List.of(DetailFieldDefinition.of("Phone", DetailFieldType.text())))));
    csm.tasks()
        .await(
            csm.organizationProfiles()
                .submit(
                    OrganizationProfileBatch.builder()
                        .addOperations(
                            OrganizationProfileOperation.create(
                                OrganizationProfile.builder().name("Acme").build()))
                        .build()));
    orgId = sandbox.organizations().get(0).id();
    CustomerProfileBatch.Builder b = CustomerProfileBatch.builder();
    for (int i = 0; i < 2; i++) {
      b.addOperations(
          CustomerProfileOperation.create(
              CustomerProfile.builder()
                  .email("c" + i + "@example.com")
                  .displayName("Customer " + i)
                  .addDetails(Detail.of("Phone", "+1-555-" + i))
                  .addAssociateOrganizations(orgId)
                  .build()));
    }
    csm.tasks().await(csm.customerProfiles().submit(b.build()));
    customerIds =
        sandbox.customers().stream()
            .collect(
                java.util.stream.Collectors.toMap(CustomerSnapshot::email, CustomerSnapshot::id));
  }

  @AfterEach
  void stop() {
    csm.close();
    sandbox.close();
  }

  private Path state(String phoneSentToC1) {
    Path file = dir.resolve("csmkit-state.db");
    try (SyncState state = SyncState.open(file.toString());
        SyncRun run = state.beginRun("portal-1", sandbox.baseUri().toString(), false)) {
      run.settle(
          List.of(
              Settlement.imported(ObjectType.COMPANY, "co-1", orgId, "Acme", Map.of(), Set.of()),
              contact(0, "+1-555-0"),
              contact(1, phoneSentToC1)));
    }
    return file;
  }

  private Settlement contact(int i, String phone) {
    String email = "c" + i + "@example.com";
    return Settlement.imported(
        ObjectType.CONTACT,
        "h" + i,
        customerIds.get(email),
        email,
        Map.of(
            "Phone",
            FieldHashes.hash(List.of(phone)),
            "$displayName",
            FieldHashes.hash(List.of("Customer " + i))),
        Set.of("co-1"));
  }

  private Result verify(String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of("verify", "--job-id", "portal-1", "--base-url", sandbox.baseUri().toString()));
    args.addAll(List.of(extra));
    return CliRunner.run(Map.of("CSM_TOKEN", TOKEN), dir, args.toArray(String[]::new));
  }

  @Test
  void theDefaultSiteIsTheKeyTheMigrationRecordsAlsoForATargetFromTheEnvironment() {
    // the migration records csm.baseUri(); with the target in CSM_BASE_URL (no flag) the default
    // site once dereferenced a missing --base-url
    state("+1-555-1");
    Result r =
        CliRunner.run(
            Map.of("CSM_TOKEN", TOKEN, "CSM_BASE_URL", sandbox.baseUri().toString()),
            dir,
            "verify",
            "--job-id",
            "portal-1");
    assertThat(r.code()).as(r.all()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).contains(": PASSED");
  }

  @Test
  void aMatchingStatePassesWithExitZero() {
    state("+1-555-1");
    Result r = verify();
    assertThat(r.code()).as(r.all()).isEqualTo(ExitCode.OK);
    assertThat(r.out())
        .contains("Verification on " + sandbox.baseUri() + ": PASSED")
        .contains("customers:    2 in the state, 2 checked: 2 match, 0 differ");
    assertThat(r.err()).contains("1 organizations, 2 customers");
    assertThat(sandbox.requestCount(Endpoint.CUSTOMER_PROFILE_FETCH)).isEqualTo(1);
    assertThat(sandbox.requestCount(Endpoint.ORGANIZATION_PROFILE_FETCH)).isEqualTo(1);
  }

  @Test
  void aDifferenceIsExitOneAndInTheReportFile() throws Exception {
    state("+1-555-999");
    Result r = verify("--report", "out/verify.json");
    assertThat(r.code()).as(r.all()).isEqualTo(ExitCode.FAILURES);
    assertThat(r.out())
        .contains(": FAILED: 1 differences")
        .contains("differences: FIELD_DIFFERENT 1")
        .contains("contact h1 (" + customerIds.get("c1@example.com") + "): FIELD_DIFFERENT Phone")
        .contains("actual +1-555-1");
    JsonNode report = new ObjectMapper().readTree(dir.resolve("out/verify.json").toFile());
    assertThat(report.get("differences")).hasSize(1);
    assertThat(report.at("/differences/0/hubspotId").asText()).isEqualTo("h1");
    assertThat(report.at("/summary/customers/matched").asLong()).isEqualTo(1);
    assertThat(r.all() + Files.readString(dir.resolve("out/verify.json"))).doesNotContain(TOKEN);

    Result asJson = verify("--json", "--quiet");
    assertThat(asJson.code()).isEqualTo(ExitCode.FAILURES);
    assertThat(asJson.err()).isEmpty();
    assertThat(new ObjectMapper().readTree(asJson.out()).get("differences").asLong()).isEqualTo(1);
  }

  @Test
  void anotherJobChecksNothingAndFails() {
    state("+1-555-1");
    Result r = verify("--site", "another-site");
    assertThat(r.code()).as(r.all()).isEqualTo(ExitCode.FAILURES);
    assertThat(r.out()).contains("FAILED: nothing was checked");
    assertThat(sandbox.requestCount(Endpoint.CUSTOMER_PROFILE_FETCH)).isZero();
  }

  @Test
  void aMissingStateFileIsAUsageErrorAndCreatesNothing() {
    Result r = verify("--state", "nowhere.db");
    assertThat(r.code()).as(r.all()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("no sync state at " + dir.resolve("nowhere.db"));
    assertThat(dir.resolve("nowhere.db")).doesNotExist();
  }

  @Test
  void helpShowsAnExample() {
    Result r = CliRunner.run(Map.of(), dir, "verify", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("csmkit verify --state csmkit-state.db --job-id")
        .contains("--report=FILE");
  }
}
