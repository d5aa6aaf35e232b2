package io.github.csmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csmkit.client.Credentials;
import io.github.csmkit.client.CsmClient;
import io.github.csmkit.client.PollPolicy;
import io.github.csmkit.client.bulk.BulkImporter;
import io.github.csmkit.client.bulk.BulkTarget;
import io.github.csmkit.client.bulk.ImportListener;
import io.github.csmkit.client.bulk.ImportReport;
import io.github.csmkit.client.model.CustomerProfile;
import io.github.csmkit.client.model.CustomerProfileBatch;
import io.github.csmkit.client.model.CustomerProfileOperation;
import io.github.csmkit.client.model.Detail;
import io.github.csmkit.client.model.SubmittedTask;
import io.github.csmkit.client.model.TaskStatus;
import io.github.csmkit.hubspot.mapping.HubSpotMapping;
import io.github.csmkit.hubspot.mapping.RecordFilter;
import io.github.csmkit.hubspot.migration.HubSpotMigration;
import io.github.csmkit.hubspot.migration.MigrationReport;
import io.github.csmkit.hubspot.source.CsvExportSource;
import io.github.csmkit.sandbox.CsmSandbox;
import io.github.csmkit.sandbox.Endpoint;
import io.github.csmkit.sandbox.Fault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's code, as written there (only the site is the sandbox), so that a snippet that stops
 * compiling or working fails the build.
 */
class ReadmeSnippetsTest {
  @TempDir Path dir;

  /** The README's own record type for the engine snippet. */
  record Contact(String email, String name) {}

  private static CustomerProfileOperation toOperation(Contact c) {
    return CustomerProfileOperation.create(
        CustomerProfile.builder().email(c.email()).displayName(c.name()).build());
  }

  @Test
  void theClientQuickStartAndWaiting() {
    assertThat(
            CsmClient.builder()
                .cloudId("a436116f-02ce-4520-8fbb-7301462a1674")
                .credentials(Credentials.bearer("token"))
                .build()
                .baseUri()
                .toString())
        .isEqualTo(
            "https://api.atlassian.com/jsm/csm/cloudid/a436116f-02ce-4520-8fbb-7301462a1674");
    try (CsmSandbox sandbox = CsmSandbox.builder().runsFor(Duration.ofMillis(20)).start();
        CsmClient csm =
            CsmClient.builder()
                .baseUri(sandbox.baseUri())
                .credentials(Credentials.bearer(sandbox.token()))
                .build()) {
      csm.tasks()
          .await(
              csm.customerDetailFields()
                  .submit(
                      io.github.csmkit.client.model.DetailFieldBatch.of(
                          List.of(
                              io.github.csmkit.client.model.DetailFieldDefinition.of(
                                  "Phone", io.github.csmkit.client.model.DetailFieldType.text()),
                              io.github.csmkit.client.model.DetailFieldDefinition.of(
                                  "Company",
                                  io.github.csmkit.client.model.DetailFieldType.text())))));
      csm.tasks()
          .await(
              csm.organizationProfiles()
                  .submit(
                      io.github.csmkit.client.model.OrganizationProfileBatch.of(
                          List.of(
                              io.github.csmkit.client.model.OrganizationProfileOperation.create(
                                  io.github.csmkit.client.model.OrganizationProfile.builder()
                                      .name("One")
                                      .build()),
                              io.github.csmkit.client.model.OrganizationProfileOperation.create(
                                  io.github.csmkit.client.model.OrganizationProfile.builder()
                                      .name("Two")
                                      .build())))));

      // README: The client
      CustomerProfileBatch batch =
          CustomerProfileBatch.of(
              List.of(
                  CustomerProfileOperation.create(
                      CustomerProfile.builder()
                          .email("john.doe@example.com")
                          .displayName("John Doe")
                          .addDetails(
                              Detail.of("Phone", "+1-555-0123"),
                              Detail.of("Company", "Acme Corporation"))
                          .addAssociateOrganizations("10001", "10002")
                          .build())));
      SubmittedTask task = csm.customerProfiles().submit(batch);
      TaskStatus done = csm.tasks().await(task);
      done.failures().forEach(f -> System.out.println(f.entityId() + ": " + f.message()));
      assertThat(done.failures()).isEmpty();

      // README: Waiting for tasks
      TaskStatus status =
          csm.tasks().await(task, PollPolicy.builder().maxWait(Duration.ofMinutes(5)).build());
      CompletableFuture<TaskStatus> later = csm.tasks().awaitAsync(task);
      assertThat(status.isTerminal()).isTrue();
      assertThat(later.join().id()).isEqualTo(task.id());
      assertThat(sandbox.customers())
          .singleElement()
          .satisfies(c -> assertThat(c.organizationIds()).containsExactly("10001", "10002"));
    }
  }

  @Test
  void theEngineAndTheSandboxFaults() {
    List<Contact> contacts = List.of(new Contact("a@example.com", "A"), new Contact("b@", "B"));
    ImportListener progress = new ImportListener() {};
    try (CsmSandbox sandbox = CsmSandbox.builder().runsFor(Duration.ofMillis(20)).start();
        CsmClient csm =
            CsmClient.builder()
                .baseUri(sandbox.baseUri())
                .credentials(Credentials.bearer(sandbox.token()))
                .build()) {
      sandbox.faults().on(Endpoint.CUSTOMER_PROFILES).next(Fault.resetAfterProcessing());

      // README: The bulk import engine
      ImportReport<Contact> report =
          BulkImporter.builder(csm, BulkTarget.CUSTOMER_PROFILES)
              .jobId("hubspot-2026-11")
              .journal(dir.resolve("customers.journal"))
              .listener(progress)
              .failureThreshold(0.05)
              .build()
              .run(contacts, contact -> toOperation(contact));
      System.out.println(report.summary());
      report.writeBatchLog(dir.resolve("batches.jsonl"));
      report.writeDeadLettersCsv(dir.resolve("dead-letters.csv"), Contact::email);
      List<Contact> again = report.recordsToRetry();

      assertThat(report.counts().succeeded()).isEqualTo(1);
      assertThat(report.counts().rejected()).isEqualTo(1);
      assertThat(again).isEmpty();
      assertThat(sandbox.creationCount("a@example.com")).isEqualTo(1);
    }
  }

  @Test
  void theMigration() throws Exception {
    Files.writeString(dir.resolve("companies.csv"), SampleData.COMPANIES);
    Files.writeString(dir.resolve("contacts.csv"), SampleData.CONTACTS);
    HubSpotMapping.defaults().write(dir.resolve("mapping.yaml"));
    try (CsmSandbox sandbox = CsmSandbox.builder().runsFor(Duration.ofMillis(10)).start();
        CsmClient csm =
            CsmClient.builder()
                .baseUri(sandbox.baseUri())
                .credentials(Credentials.bearer(sandbox.token()))
                .build()) {
      // README: HubSpot to CSM
      MigrationReport report =
          HubSpotMigration.builder(csm)
              .jobId("hubspot-2026-11")
              .journalDirectory(dir.resolve("journals"))
              .mapping(HubSpotMapping.load(dir.resolve("mapping.yaml")))
              .contactFilter(RecordFilter.parse(List.of("lifecyclestage=customer")))
              .build()
              .run(
                  CsvExportSource.companies(dir.resolve("companies.csv")),
                  () -> CsvExportSource.contacts(dir.resolve("contacts.csv")));
      System.out.print(report.summary());
      report.writeJson(dir.resolve("report.json"));
      report.writeDeadLetters(dir.resolve("dead-letters.csv"));

      assertThat(report.customers().orElseThrow().counts().succeeded()).isPositive();
      assertThat(report.verification().passed()).isTrue();
    }
  }
}
