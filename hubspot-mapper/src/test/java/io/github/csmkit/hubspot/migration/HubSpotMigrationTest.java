package io.github.csmkit.hubspot.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csmkit.client.Credentials;
import io.github.csmkit.client.CsmClient;
import io.github.csmkit.client.bulk.ImportReport;
import io.github.csmkit.client.bulk.ImportReport.Stage;
import io.github.csmkit.hubspot.mapping.RecordFilter;
import io.github.csmkit.hubspot.source.CsvExportSource;
import io.github.csmkit.sandbox.CsmSandbox;
import io.github.csmkit.sandbox.CustomerSnapshot;
import io.github.csmkit.sandbox.EntityKind;
import io.github.csmkit.sandbox.OrganizationSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole migration, from UI CSV exports into the sandbox, checked on the sandbox's state. */
class HubSpotMigrationTest {
  private static final String COMPANIES =
      """
      "Record ID","Company name","Company Domain Name","Industry","Number of Employees","Website URL"
      "101","Acme Corporation","acme.com","Manufacturing","250.0","https://acme.com"
      "102","Tech Innovators","techinnovators.io","Software","40","https://techinnovators.io"
      "103","Globex","globex.com","Energy","1,200",""
      "104","","initech.com","","",""
      "105","Umbrella Group","umbrella.example","Health","abc",""
      """;

  private static final String CONTACTS =
      """
      "Record ID","First Name","Last Name","Email","Phone Number","Company Name","Lifecycle Stage","Lead Status","Associated Company IDs"
      "1","John","Doe","john.doe@example.com","+1-555-0123","Acme Corporation","Customer","In Progress","101"
      "2","Jane","Roe","jane.roe@example.com","","Tech Innovators","Lead","New","102"
      "3","Max","Power","max@globex.com","","","Customer","","103;104"
      "4","Bad","Email","bad-email@","","Acme Corporation","Lead","",""
      "5","Again","John","JOHN.DOE@example.com","","","Customer","",""
      "6","No","Email","","","","Lead","",""
      "7","Solo","Founder","solo@startup.example","","Startup Ltd","Subscriber","",""
      "8","Broken","Row","only three cells"
      "9","","","noname@example.com","","","Customer","Open","101"
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
            .build();
    companies = Files.writeString(dir.resolve("companies.csv"), COMPANIES);
    contacts = Files.writeString(dir.resolve("contacts.csv"), CONTACTS);
  }

  @AfterEach
  void stop() {
    csm.close();
    sandbox.close();
  }

  private MigrationReport migrate(HubSpotMigration.Builder builder) {
    return builder
        .build()
        .run(CsvExportSource.companies(companies), () -> CsvExportSource.contacts(contacts));
  }

  @Test
  void migratesOrganizationsThenCustomersWithTheirOrganizationsThenVerifies() throws Exception {
    List<String> phases = new ArrayList<>();
    MigrationReport report =
        migrate(
            HubSpotMigration.builder(csm)
                .jobId("full")
                .listener(
                    new MigrationListener() {
                      @Override
                      public void phaseStarted(Phase phase, java.util.OptionalLong total) {
                        phases.add(phase.name());
                      }
                    }));

    assertThat(phases)
        .containsExactly("DETAIL_FIELDS", "ORGANIZATIONS", "CUSTOMERS", "VERIFICATION");
    assertThat(sandbox.definitions(EntityKind.CUSTOMER))
        .extracting(d -> d.name())
        .contains("support-tier", "lifecycle", "Phone", "Company");
    assertThat(sandbox.definitions(EntityKind.ORGANIZATION))
        .extracting(d -> d.name())
        .contains("Industry", "Website", "Employee Count");

    Map<String, OrganizationSnapshot> orgs =
        sandbox.organizations().stream()
            .collect(Collectors.toMap(OrganizationSnapshot::name, o -> o));
    // 104 has no name and falls back to its domain; "Startup Ltd" comes from a contact's company
    // name
    assertThat(orgs)
        .containsOnlyKeys(
            "Acme Corporation",
            "Tech Innovators",
            "Globex",
            "initech.com",
            "Umbrella Group",
            "Startup Ltd");
    assertThat(orgs.get("Acme Corporation").details())
        .containsEntry("Employee Count", List.of("250"))
        .containsEntry("Industry", List.of("Manufacturing"));
    assertThat(orgs.get("Globex").details()).containsEntry("Employee Count", List.of("1200"));

    Map<String, CustomerSnapshot> customers =
        sandbox.customers().stream().collect(Collectors.toMap(CustomerSnapshot::email, c -> c));
    assertThat(customers)
        .containsOnlyKeys(
            "john.doe@example.com",
            "jane.roe@example.com",
            "max@globex.com",
            "solo@startup.example",
            "noname@example.com");
    CustomerSnapshot john = customers.get("john.doe@example.com");
    assertThat(john.displayName()).isEqualTo("John Doe");
    assertThat(john.organizationIds()).containsExactly(orgs.get("Acme Corporation").id());
    assertThat(john.details())
        .containsEntry("Phone", List.of("+1-555-0123"))
        .containsEntry("support-tier", List.of("In Progress"))
        .containsEntry("lifecycle", List.of("Customer"));
    assertThat(customers.get("max@globex.com").organizationIds())
        .containsExactlyInAnyOrder(orgs.get("Globex").id(), orgs.get("initech.com").id());
    assertThat(customers.get("solo@startup.example").organizationIds())
        .containsExactly(orgs.get("Startup Ltd").id());
    assertThat(customers.get("noname@example.com").displayName()).isEqualTo("noname@example.com");

    ImportReport<?> c = report.customers().orElseThrow();
    assertThat(c.counts()).isEqualTo(new ImportReport.Counts(9, 3, 1, 0, 5, 5, 0, 0, 0));
    assertThat(c.failures())
        .extracting(f -> f.index() + ":" + f.stage())
        .containsExactly("3:MAPPING", "4:DUPLICATE", "5:MAPPING", "7:SOURCE");
    assertThat(c.failures().get(0).message()).contains("bad-email@").contains("contacts.csv");
    assertThat(c.failures().get(1).message())
        .isEqualTo(
            "contact 5 has the same email as contact 1, which comes first and is imported instead");
    assertThat(c.failures().get(3).message())
        .contains("contacts.csv:9")
        .contains("wrong column count");
    assertThat(c.failures().get(3).rule()).contains("COLUMN_COUNT");
    assertThat(report.organizations().orElseThrow().counts().succeeded()).isEqualTo(6);
    assertThat(report.verification().passed()).as(report.verification().toString()).isTrue();
    assertThat(report.verification().customersChecked()).isEqualTo(5);
    assertThat(report.complete()).isFalse();
    assertThat(report.failureRate()).isEqualTo(3.0 / 14);

    Path json = dir.resolve("report.json");
    Path deadLetters = dir.resolve("dead.csv");
    report.writeJson(json);
    report.writeDeadLetters(deadLetters);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(json)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(json)).contains("\"imported\" : 5").contains("bad-email@");
    assertThat(Files.readAllLines(deadLetters))
        .hasSize(5)
        .element(1)
        .asString()
        .startsWith("customers,3,MAPPING,");
    assertThat(report.summary()).contains("customers: 9 read, 5 imported");
  }

  @Test
  void theLatestDuplicateAndOnlyThePrimaryCompanyOnRequest() throws Exception {
    contacts =
        Files.writeString(
            dir.resolve("contacts.csv"),
            """
        "Record ID","First Name","Email","Associated Company IDs","Primary Associated Company ID","Last Modified Date"
        "1","Old","pat@example.com","101;103","103","2024-01-15 10:30"
        "2","New","PAT@example.com","101;103","103","2025-06-01 08:00"
        "3","Other","lee@example.com","101;102","","2024-01-01 00:00"
        """);
    MigrationReport report =
        migrate(
            HubSpotMigration.builder(csm)
                .jobId("latest")
                .duplicates(DuplicatePolicy.LATEST)
                .membership(Membership.PRIMARY));

    Map<String, String> orgIds =
        sandbox.organizations().stream()
            .collect(Collectors.toMap(OrganizationSnapshot::name, OrganizationSnapshot::id));
    Map<String, CustomerSnapshot> customers =
        sandbox.customers().stream().collect(Collectors.toMap(CustomerSnapshot::email, x -> x));
    assertThat(customers.get("PAT@example.com").displayName()).isEqualTo("New");
    assertThat(customers.get("PAT@example.com").organizationIds())
        .containsExactly(orgIds.get("Globex"));
    assertThat(customers.get("lee@example.com").organizationIds())
        .containsExactly(orgIds.get("Acme Corporation"));
    assertThat(report.customers().orElseThrow().failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.stage()).isEqualTo(Stage.DUPLICATE);
              assertThat(f.message())
                  .isEqualTo(
                      "contact 1 has the same email as contact 2, which HubSpot modified more recently and is imported instead");
            });
    assertThat(report.verification().passed()).isTrue();
  }

  @Test
  void mappingWarningsAreCollectedPerRecord() {
    MigrationReport report = migrate(HubSpotMigration.builder(csm).jobId("warnings"));
    // company 104 has no name (domain used) and 105 an unreadable employee count
    assertThat(report.mappingWarningCount()).isGreaterThanOrEqualTo(2);
    assertThat(report.mappingWarnings())
        .anySatisfy(w -> assertThat(w).contains("companies.csv:5"))
        .anySatisfy(w -> assertThat(w).contains("companies.csv:6").contains("numberofemployees"));
    assertThat(report.summary()).contains("mapping warnings: ");
  }

  @Test
  void rerunningTheSameJobCreatesNothingTwice() {
    MigrationReport first = migrate(HubSpotMigration.builder(csm).jobId("twice"));
    MigrationReport second = migrate(HubSpotMigration.builder(csm).jobId("twice"));

    assertThat(second.organizationsAlreadyPresent()).isEqualTo(6);
    assertThat(second.organizations().orElseThrow().counts().read()).isZero();
    assertThat(second.customers().orElseThrow().counts().succeeded())
        .isEqualTo(first.customers().orElseThrow().counts().succeeded());
    assertThat(sandbox.customers())
        .hasSize(5)
        .allSatisfy(s -> assertThat(sandbox.creationCount(s.email())).isEqualTo(1));
    assertThat(sandbox.organizations())
        .hasSize(6)
        .allSatisfy(o -> assertThat(sandbox.organizationCreationCount(o.name())).isEqualTo(1));
    assertThat(second.customerFields().orElseThrow().counts().read()).isZero();
  }

  @Test
  void aTestBatchFirstThenTheRestWithTheSameJob() {
    MigrationReport phase1 = migrate(HubSpotMigration.builder(csm).jobId("phased").testBatch(2));
    assertThat(sandbox.customers())
        .extracting(CustomerSnapshot::email)
        .containsExactlyInAnyOrder("john.doe@example.com", "jane.roe@example.com");
    assertThat(phase1.contactsExcluded()).isZero();

    migrate(HubSpotMigration.builder(csm).jobId("phased"));
    assertThat(sandbox.customers())
        .hasSize(5)
        .allSatisfy(s -> assertThat(sandbox.creationCount(s.email())).isEqualTo(1));
  }

  @Test
  void aFilterSelectsContactsAndCountsTheRestAsExcluded() {
    MigrationReport report =
        migrate(
            HubSpotMigration.builder(csm)
                .jobId("filtered")
                .contactFilter(RecordFilter.parse("lifecyclestage=customer")));

    assertThat(report.contactsExcluded()).isEqualTo(4);
    assertThat(sandbox.customers())
        .extracting(CustomerSnapshot::email)
        .containsExactlyInAnyOrder("john.doe@example.com", "max@globex.com", "noname@example.com");
    assertThat(report.customers().orElseThrow().failures())
        .extracting(f -> f.stage())
        .containsExactly(Stage.DUPLICATE, Stage.SOURCE);
    assertThat(sandbox.organizations())
        .extracting(OrganizationSnapshot::name)
        .doesNotContain("Startup Ltd");
  }

  @Test
  void journalsLetAStoppedMigrationResume() {
    Path journals = dir.resolve("journals");
    migrate(HubSpotMigration.builder(csm).jobId("journaled").journalDirectory(journals));
    assertThat(journals.resolve("journaled.customers.journal")).exists();
    assertThat(journals.resolve("journaled.organizations.journal")).doesNotExist();

    MigrationReport again =
        migrate(HubSpotMigration.builder(csm).jobId("journaled").journalDirectory(journals));
    assertThat(again.customers().orElseThrow().counts().succeeded()).isEqualTo(5);
    assertThat(
            sandbox.tasks().stream()
                .filter(t -> t.endpoint().name().equals("CUSTOMER_PROFILES"))
                .count())
        .isEqualTo(1);
  }
}
