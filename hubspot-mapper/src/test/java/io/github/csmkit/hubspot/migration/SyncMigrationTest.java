package io.github.csmkit.hubspot.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csmkit.client.Credentials;
import io.github.csmkit.client.CsmClient;
import io.github.csmkit.client.bulk.ImportReport.Stage;
import io.github.csmkit.hubspot.source.CsvExportSource;
import io.github.csmkit.hubspot.state.SyncState;
import io.github.csmkit.sandbox.CsmSandbox;
import io.github.csmkit.sandbox.CustomerSnapshot;
import io.github.csmkit.sandbox.Endpoint;
import io.github.csmkit.sandbox.Fault;
import io.github.csmkit.sandbox.OrganizationSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migration with a sync state, against the sandbox: the guide's phased migration (a test batch,
 * then the full run) ends with no failure, and a rerun on an edited export sends only what changed
 * and ends as a clean run of the final export would.
 */
class SyncMigrationTest {
  private static final String CONTACT_HEADER =
      "\"Record ID\",\"First Name\",\"Last Name\",\"Email\",\"Phone Number\",\"Company Name\","
          + "\"Lifecycle Stage\",\"Lead Status\",\"Associated Company IDs\"\n";

  @TempDir Path dir;
  private CsmSandbox sandbox;
  private CsmClient csm;
  private SyncState state;

  /** The state the tests run with: a SQLite file here, PostgreSQL in a subclass. */
  SyncState openState() throws Exception {
    return SyncState.open(dir.resolve("state.db").toString());
  }

  @BeforeEach
  void start() throws Exception {
    sandbox = CsmSandbox.builder().runsFor(Duration.ofMillis(5)).start();
    csm =
        CsmClient.builder()
            .baseUri(sandbox.baseUri())
            .credentials(Credentials.bearer(sandbox.token()))
            .build();
    state = openState();
  }

  @AfterEach
  void stop() {
    state.close();
    csm.close();
    sandbox.close();
  }

  /** One contact row. */
  private record Contact(
      int id, String first, String email, String phone, String stage, int companyId) {
    String row() {
      return String.format(
          "\"%d\",\"%s\",\"Doe\",\"%s\",\"%s\",\"\",\"%s\",\"\",\"%d\"%n",
          id, first, email, phone, stage, companyId);
    }
  }

  private static List<Contact> contacts(int n) {
    List<Contact> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      out.add(
          new Contact(
              i, "First" + i, "c" + i + "@example.com", "+1-555-" + i, "Lead", 101 + i % 3));
    }
    return out;
  }

  private MigrationReport migrate(
      Map<Integer, String> companies,
      List<Contact> contacts,
      Function<HubSpotMigration.Builder, HubSpotMigration.Builder> more)
      throws Exception {
    StringBuilder c = new StringBuilder("\"Record ID\",\"Company name\",\"Industry\"\n");
    companies.forEach(
        (id, name) ->
            c.append('"').append(id).append("\",\"").append(name).append("\",\"Software\"\n"));
    Path companiesCsv = Files.writeString(dir.resolve("companies.csv"), c);
    StringBuilder p = new StringBuilder(CONTACT_HEADER);
    contacts.forEach(x -> p.append(x.row()));
    Path contactsCsv = Files.writeString(dir.resolve("contacts.csv"), p);
    return more.apply(HubSpotMigration.builder(csm).jobId("portal-1").state(state))
        .build()
        .run(CsvExportSource.companies(companiesCsv), () -> CsvExportSource.contacts(contactsCsv));
  }

  /** Writes the export and returns the plan of a run on it. */
  private SyncPlan plan(Map<Integer, String> companies, List<Contact> contacts) throws Exception {
    Path[] files = write(companies, contacts);
    return HubSpotMigration.builder(csm)
        .jobId("portal-1")
        .state(state)
        .build()
        .plan(CsvExportSource.companies(files[0]), CsvExportSource.contacts(files[1]));
  }

  private Path[] write(Map<Integer, String> companies, List<Contact> contacts) throws Exception {
    StringBuilder c = new StringBuilder("\"Record ID\",\"Company name\",\"Industry\"\n");
    companies.forEach(
        (id, name) ->
            c.append('"').append(id).append("\",\"").append(name).append("\",\"Software\"\n"));
    StringBuilder p = new StringBuilder(CONTACT_HEADER);
    contacts.forEach(x -> p.append(x.row()));
    return new Path[] {
      Files.writeString(dir.resolve("companies.csv"), c),
      Files.writeString(dir.resolve("contacts.csv"), p)
    };
  }

  private static final Map<Integer, String> COMPANIES =
      Map.of(101, "Acme", 102, "Beta", 103, "Gamma");

  private Map<String, CustomerSnapshot> customersByEmail() {
    return sandbox.customers().stream().collect(Collectors.toMap(CustomerSnapshot::email, x -> x));
  }

  @Test
  void theTestBatchThenTheFullRunEndWithNoFailureAndTheSecondSendsOnlyTheRest() throws Exception {
    List<Contact> all = contacts(30);
    MigrationReport first = migrate(COMPANIES, all, b -> b.testBatch(10));
    assertThat(first.recordsNotImported()).isZero();
    assertThat(first.sync().orElseThrow().customers().orElseThrow().counts().created())
        .isEqualTo(10);
    assertThat(sandbox.customers()).hasSize(10);

    MigrationReport second = migrate(COMPANIES, all, b -> b);

    assertThat(second.recordsNotImported()).isZero();
    assertThat(second.complete()).isTrue();
    SyncCounts contacts = second.sync().orElseThrow().customers().orElseThrow().counts();
    assertThat(contacts).isEqualTo(new SyncCounts(20, 0, 10, 0, 0, 0, 0, 0, 0));
    assertThat(second.customers().orElseThrow().counts().read())
        .isEqualTo(20); // only the rest sent
    SyncCounts companies = second.sync().orElseThrow().organizations().orElseThrow().counts();
    assertThat(companies).isEqualTo(new SyncCounts(0, 0, 3, 0, 0, 0, 0, 0, 0));
    assertThat(sandbox.customers()).hasSize(30);
    for (Contact c : all) {
      assertThat(sandbox.creationCount(c.email())).as(c.email()).isEqualTo(1);
    }
    // every customer joined its company's organization
    Map<String, String> orgIdByName =
        sandbox.organizations().stream()
            .collect(Collectors.toMap(OrganizationSnapshot::name, OrganizationSnapshot::id));
    for (Contact c : all) {
      assertThat(customersByEmail().get(c.email()).organizationIds())
          .containsExactly(orgIdByName.get(COMPANIES.get(c.companyId())));
    }
  }

  @Test
  void duplicatesThousandsOfContactsApartAreRefusedByTheClaimsInTheStateOnEveryRun()
      throws Exception {
    // a contact is a mark and a claim: the state is written every 1,000 contacts
    List<Contact> all = new ArrayList<>(contacts(2_500));
    for (int i = 0; i < 10; i++) { // contacts 2301..2310 repeat the emails of 1..10
      Contact c = all.get(2_300 + i);
      String email = " C" + (i + 1) + "@Example.COM"; // as CSM compares: trimmed, any case
      all.set(2_300 + i, new Contact(c.id(), c.first(), email, c.phone(), c.stage(), 101));
    }

    for (int run = 1; run <= 2; run++) {
      MigrationReport report = migrate(COMPANIES, all, b -> b);
      var failures = report.customers().orElseThrow().failures();
      assertThat(failures).as("run " + run).hasSize(10);
      for (int i = 0; i < 10; i++) {
        assertThat(failures.get(i).stage()).isEqualTo(Stage.DUPLICATE);
        assertThat(failures.get(i).message())
            .startsWith("contact " + (2_301 + i) + " has the same email as contact " + (i + 1));
      }
      SyncCounts counts = report.sync().orElseThrow().customers().orElseThrow().counts();
      assertThat(counts.created() + counts.unchanged()).as("run " + run).isEqualTo(2_490);
      assertThat(counts.gone()).isZero();
    }
    assertThat(sandbox.customers()).hasSize(2_490);
    assertThat(sandbox.creationCount("c1@example.com")).isEqualTo(1);
  }

  @Test
  void aContactTheMappingNowRefusesOrADuplicateIsReadNotGone() throws Exception {
    List<Contact> all = contacts(10);
    migrate(COMPANIES, all, b -> b);
    List<Contact> edited = new ArrayList<>();
    for (Contact c : all) {
      if (c.id() == 3) { // no email now: the mapping refuses it
        edited.add(new Contact(3, c.first(), "", c.phone(), c.stage(), c.companyId()));
      } else if (c.id() == 4) { // contact 2's email now: a duplicate
        edited.add(
            new Contact(4, c.first(), "c2@example.com", c.phone(), c.stage(), c.companyId()));
      } else {
        edited.add(c);
      }
    }

    MigrationReport rerun = migrate(COMPANIES, edited, b -> b);

    SyncCounts counts = rerun.sync().orElseThrow().customers().orElseThrow().counts();
    assertThat(counts.gone()).as("both are in the export: not gone").isZero();
    assertThat(counts.unchanged()).isEqualTo(8);
    assertThat(counts.rejected()).as("one refused by the mapping, one a duplicate").isEqualTo(2);
  }

  @Test
  void aRerunOnAnEditedExportSendsOnlyTheChangesAndEndsAsACleanRunWould() throws Exception {
    List<Contact> all = contacts(30);
    migrate(COMPANIES, all, b -> b);
    Map<String, CustomerSnapshot> before = customersByEmail();
    String betaId =
        sandbox.organizations().stream()
            .filter(o -> o.name().equals("Beta"))
            .findFirst()
            .orElseThrow()
            .id();

    List<Contact> edited = new ArrayList<>();
    for (Contact c : all) {
      if (c.id() <= 5) {
        edited.add(new Contact(c.id(), c.first(), c.email(), c.phone(), "Customer", c.companyId()));
      } else if (c.id() == 6) {
        edited.add(new Contact(6, "Renamed", c.email(), c.phone(), c.stage(), c.companyId()));
      } else if (c.id() == 7) {
        edited.add(new Contact(7, c.first(), c.email(), "", c.stage(), c.companyId())); // cleared
      } else if (c.id() == 8) {
        edited.add(
            new Contact(8, c.first(), "new8@example.com", c.phone(), c.stage(), c.companyId()));
      } else if (c.id() != 30) { // 30 removed from HubSpot
        edited.add(c);
      }
    }
    edited.add(new Contact(31, "New", "c31@example.com", "+1", "Lead", 101));
    edited.add(new Contact(32, "New", "c32@example.com", "+2", "Lead", 102));
    Map<Integer, String> companies = Map.of(101, "Acme", 102, "Beta Renamed", 103, "Gamma");
    long profileRequests = sandbox.requestCount(Endpoint.CUSTOMER_PROFILES);
    long orgRequests = sandbox.requestCount(Endpoint.ORGANIZATION_PROFILES);
    long tasks = sandbox.tasks().size();
    long runs = state.runs("portal-1", csm.baseUri().toString()).size();

    // the plan: read from the state and the export alone
    SyncPlan plan = plan(companies, edited);
    assertThat(plan.contacts().created()).isEqualTo(2);
    assertThat(plan.contacts().updated()).isEqualTo(8);
    assertThat(plan.contacts().unchanged()).isEqualTo(21);
    assertThat(plan.contacts().gone()).isEqualTo(1);
    assertThat(plan.contacts().updatedByField())
        .containsEntry("lifecycle", 5L)
        .containsEntry("display name", 1L)
        .containsEntry("Phone (cleared)", 1L)
        .containsEntry("email", 1L);
    assertThat(plan.companies().updatedByField()).containsEntry("name", 1L);
    assertThat(plan.summary()).contains("new8@example.com", "was c8@example.com");
    assertThat(sandbox.tasks()).hasSize((int) tasks); // nothing sent
    assertThat(sandbox.requestCount(Endpoint.CUSTOMER_PROFILES)).isEqualTo(profileRequests);
    assertThat(state.runs("portal-1", csm.baseUri().toString())).hasSize((int) runs);

    MigrationReport rerun = migrate(companies, edited, b -> b);

    assertThat(rerun.recordsNotImported()).isZero();
    SyncSection sync = rerun.sync().orElseThrow();
    assertThat(sync.customers().orElseThrow().counts())
        .isEqualTo(new SyncCounts(2, 8, 21, 0, 0, 0, 0, 1, 0));
    assertThat(sync.customers().orElseThrow().counts().read()).isEqualTo(edited.size());
    assertThat(sync.customers().orElseThrow().gone().get(0))
        .contains("contact 30", "c30@example.com", before.get("c30@example.com").id());
    assertThat(sync.organizations().orElseThrow().counts())
        .isEqualTo(new SyncCounts(0, 1, 2, 0, 0, 0, 0, 0, 0));
    // only the 10 changed or new contacts were sent, in one profile request; one company
    assertThat(rerun.customers().orElseThrow().counts().read()).isEqualTo(10);
    assertThat(sandbox.requestCount(Endpoint.CUSTOMER_PROFILES) - profileRequests).isEqualTo(1);
    assertThat(sandbox.requestCount(Endpoint.ORGANIZATION_PROFILES) - orgRequests).isEqualTo(1);

    // CSM ends as a clean run of the final export would (the removed contact is kept, not deleted)
    assertThat(sandbox.organizations())
        .extracting(OrganizationSnapshot::name)
        .containsExactlyInAnyOrder("Acme", "Beta Renamed", "Gamma");
    assertThat(
            sandbox.organizations().stream()
                .filter(o -> o.name().equals("Beta Renamed"))
                .findFirst()
                .orElseThrow()
                .id())
        .isEqualTo(betaId); // renamed in place
    Map<String, CustomerSnapshot> after = customersByEmail();
    assertThat(after).hasSize(32).doesNotContainKey("c8@example.com");
    assertThat(after.get("new8@example.com").id()).isEqualTo(before.get("c8@example.com").id());
    assertThat(after.get("c7@example.com").details()).doesNotContainKey("Phone");
    assertThat(after.get("c6@example.com").displayName()).isEqualTo("Renamed Doe");
    for (int i = 1; i <= 5; i++) {
      assertThat(after.get("c" + i + "@example.com").details())
          .containsEntry("lifecycle", List.of("Customer"));
    }
    assertThat(after.get("c9@example.com").details()).containsEntry("lifecycle", List.of("Lead"));
    assertThat(after.get("c32@example.com").organizationIds()).containsExactly(betaId);
    for (Contact c : edited) {
      assertThat(sandbox.creationCount(c.email())).as(c.email()).isLessThanOrEqualTo(1);
    }

    // and a run with nothing changed sends nothing
    long profiles = sandbox.requestCount(Endpoint.CUSTOMER_PROFILES);
    MigrationReport idle = migrate(companies, edited, b -> b);
    assertThat(idle.sync().orElseThrow().customers().orElseThrow().counts())
        .isEqualTo(new SyncCounts(0, 0, 31, 0, 0, 0, 0, 1, 0));
    assertThat(sandbox.requestCount(Endpoint.CUSTOMER_PROFILES)).isEqualTo(profiles);
  }

  @Test
  void aCustomerWhoseOrganizationCouldNotBeMadeIsPartialAndARerunAddsTheMembership()
      throws Exception {
    List<Contact> all = contacts(6);
    sandbox
        .faults()
        .on(Endpoint.ORGANIZATION_PROFILES)
        .next(Fault.taskFailed("no organizations today"));

    MigrationReport first = migrate(COMPANIES, all, b -> b);

    SyncSummary contacts = first.sync().orElseThrow().customers().orElseThrow();
    assertThat(first.sync().orElseThrow().organizations().orElseThrow().counts().failed())
        .isEqualTo(3);
    assertThat(contacts.counts().created()).isEqualTo(6);
    assertThat(contacts.counts().partial()).isEqualTo(6);
    assertThat(contacts.partiallyImported())
        .hasSize(6)
        .allMatch(e -> e.contains("not yet a member of"));
    assertThat(first.summary()).contains("6 partially imported");
    assertThat(sandbox.customers()).allMatch(c -> c.organizationIds().isEmpty());

    MigrationReport rerun = migrate(COMPANIES, all, b -> b);

    assertThat(rerun.recordsNotImported()).isZero();
    assertThat(rerun.sync().orElseThrow().organizations().orElseThrow().counts())
        .isEqualTo(new SyncCounts(0, 0, 0, 3, 0, 0, 0, 0, 0));
    assertThat(rerun.sync().orElseThrow().customers().orElseThrow().counts())
        .isEqualTo(new SyncCounts(0, 6, 0, 0, 0, 0, 0, 0, 0));
    Map<String, String> orgIdByName =
        sandbox.organizations().stream()
            .collect(Collectors.toMap(OrganizationSnapshot::name, OrganizationSnapshot::id));
    for (Contact c : all) {
      assertThat(customersByEmail().get(c.email()).organizationIds())
          .containsExactly(orgIdByName.get(COMPANIES.get(c.companyId())));
      assertThat(sandbox.creationCount(c.email())).isEqualTo(1);
    }
  }
}
