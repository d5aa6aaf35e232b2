package io.github.csmkit.hubspot.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csmkit.client.Credentials;
import io.github.csmkit.client.CsmClient;
import io.github.csmkit.client.bulk.ImportReport;
import io.github.csmkit.client.bulk.ImportReport.Stage;
import io.github.csmkit.hubspot.source.CsvExportSource;
import io.github.csmkit.sandbox.CsmSandbox;
import io.github.csmkit.sandbox.CustomerSnapshot;
import io.github.csmkit.sandbox.OrganizationSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 2,000 contacts across 300 companies, with the bad rows real exports have, migrated into the
 * sandbox: every record accounted for, every membership right, verification passing.
 */
class LargeMigrationTest {
  private static final int COMPANIES = 300;
  private static final int CONTACTS = 2_000;

  @TempDir Path dir;

  /** What the generator expects of each contact row. */
  private record Expect(Stage stage, String email, Set<Integer> companies) {}

  @Test
  void everyRecordAccountedForAndEveryMembershipRight() throws IOException {
    Random random = new Random(2026);
    StringBuilder companies =
        new StringBuilder(
            "\uFEFF\"Record ID\",\"Company name\",\"Company Domain Name\",\"Industry\","
                + "\"Number of Employees\"\r\n");
    for (int i = 1; i <= COMPANIES; i++) {
      companies
          .append(i)
          .append(",\"Company ")
          .append(i)
          .append(i % 50 == 0 ? ", Inc.\"" : "\"")
          .append(",company")
          .append(i)
          .append(".example,Software,")
          .append(10 + i)
          .append(".0\r\n");
    }
    StringBuilder contacts =
        new StringBuilder(
            "\"Record ID\",\"First Name\",\"Last Name\",\"Email\","
                + "\"Associated Company IDs\",\"Lifecycle Stage\"\n");
    List<Expect> expected = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 1; i <= CONTACTS; i++) {
      int a = 1 + random.nextInt(COMPANIES);
      int b = 1 + random.nextInt(COMPANIES);
      Set<Integer> companiesOf = random.nextInt(4) == 0 ? new TreeSet<>(List.of(a, b)) : Set.of(a);
      String ids = companiesOf.stream().map(String::valueOf).collect(Collectors.joining(";"));
      String email = "person" + i + "@example.com";
      Stage stage = null;
      if (i % 50 == 3) {
        email = "person" + i + "@example"; // invalid
        stage = Stage.MAPPING;
      } else if (i % 100 == 7) {
        email = ""; // missing
        stage = Stage.MAPPING;
      } else if (i % 100 == 11) {
        email = ("person" + (i - 1) + "@example.com").toUpperCase(); // duplicate, other case
        stage = seen.contains(email.toLowerCase()) ? Stage.DUPLICATE : null;
      }
      if (i % 200 == 13) { // a broken row
        contacts.append(i).append(",\"Broken\"\n");
        expected.add(new Expect(Stage.SOURCE, null, Set.of()));
        continue;
      }
      seen.add(email.toLowerCase());
      String first = i % 40 == 0 ? "\"Ann, \"\"Jr\"\"\nline two\"" : "First" + i;
      contacts
          .append(i)
          .append(',')
          .append(first)
          .append(",Last")
          .append(i)
          .append(',')
          .append(email)
          .append(",\"")
          .append(ids)
          .append("\",customer\n");
      expected.add(new Expect(stage, email, companiesOf));
    }
    Path companiesCsv = Files.writeString(dir.resolve("companies.csv"), companies);
    Path contactsCsv = Files.writeString(dir.resolve("contacts.csv"), contacts);

    try (CsmSandbox sandbox = CsmSandbox.builder().runsFor(Duration.ofMillis(10)).start();
        CsmClient csm =
            CsmClient.builder()
                .baseUri(sandbox.baseUri())
                .credentials(Credentials.bearer(sandbox.token()))
                .build()) {
      MigrationReport report =
          HubSpotMigration.builder(csm)
              .jobId("large")
              .build()
              .run(
                  CsvExportSource.companies(companiesCsv),
                  () -> CsvExportSource.contacts(contactsCsv));

      ImportReport<?> orgs = report.organizations().orElseThrow();
      assertThat(orgs.counts().succeeded()).isEqualTo(COMPANIES);
      ImportReport<?> customers = report.customers().orElseThrow();
      assertThat(customers.counts().read()).isEqualTo(CONTACTS);
      assertThat(customers.counts().balanced()).isTrue();
      Map<Long, Stage> stages = new HashMap<>();
      customers.failures().forEach(f -> stages.put(f.index(), f.stage()));
      for (int i = 0; i < expected.size(); i++) {
        assertThat(stages.get((long) i))
            .as("contact row %d", i + 1)
            .isEqualTo(expected.get(i).stage());
      }

      Map<String, String> orgByCompany = new HashMap<>();
      for (OrganizationSnapshot o : sandbox.organizations()) {
        orgByCompany.put(o.name().replace("Company ", "").replace(", Inc.", ""), o.id());
      }
      Map<String, CustomerSnapshot> byEmail =
          sandbox.customers().stream()
              .collect(Collectors.toMap(c -> c.email().toLowerCase(), c -> c));
      long imported = expected.stream().filter(e -> e.stage() == null).count();
      assertThat(byEmail).hasSize((int) imported);
      for (Expect e : expected) {
        if (e.stage() == null) {
          CustomerSnapshot c = byEmail.get(e.email().toLowerCase());
          assertThat(c).as(e.email()).isNotNull();
          assertThat(new TreeSet<>(c.organizationIds()))
              .as(e.email())
              .isEqualTo(
                  e.companies().stream()
                      .map(n -> orgByCompany.get(String.valueOf(n)))
                      .collect(Collectors.toCollection(TreeSet::new)));
          assertThat(sandbox.creationCount(e.email())).isEqualTo(1);
        }
      }
      assertThat(report.verification().passed())
          .as(report.verification().problems().toString())
          .isTrue();
      assertThat(report.verification().customersChecked()).isEqualTo(imported);
    }
  }
}
