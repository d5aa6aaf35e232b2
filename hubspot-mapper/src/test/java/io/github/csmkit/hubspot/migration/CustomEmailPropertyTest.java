package io.github.csmkit.hubspot.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csmkit.client.bulk.ImportReport.Stage;
import io.github.csmkit.hubspot.mapping.HubSpotMapping;
import io.github.csmkit.hubspot.source.CsvExportSource;
import io.github.csmkit.sandbox.CustomerSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * With a mapping whose email property is not {@code email}, both duplicate policies de-duplicate on
 * that property. (Before the fix, FIRST used the hard-wired {@code email} property: contact 3 was
 * skipped as a duplicate of 1, and contact 2 was sent although it repeats 1's work email.)
 */
class CustomEmailPropertyTest extends SandboxTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(DuplicatePolicy.class)
  void bothPoliciesDeDuplicateOnTheMappingsEmailProperty(DuplicatePolicy policy) throws Exception {
    Path contacts =
        Files.writeString(
            dir.resolve("contacts.csv"),
            """
            "Record ID","First Name","Email","work_email","Last Modified Date"
            "1","One","shared@home.example","one@work.example","2025-01-01 00:00"
            "2","Two","two@home.example","ONE@work.example","2024-01-01 00:00"
            "3","Three","shared@home.example","three@work.example","2024-01-01 00:00"
            """);
    Path companies = Files.writeString(dir.resolve("companies.csv"), "\"Record ID\",\"Name\"\n");
    HubSpotMapping mapping =
        HubSpotMapping.defaults().toBuilder().emailProperty("work_email").build();

    MigrationReport report =
        HubSpotMigration.builder(csm)
            .jobId("work-email-" + policy)
            .mapping(mapping)
            .duplicates(policy)
            .build()
            .run(CsvExportSource.companies(companies), () -> CsvExportSource.contacts(contacts));

    assertThat(sandbox.customers())
        .extracting(CustomerSnapshot::email)
        .containsExactlyInAnyOrder("one@work.example", "three@work.example");
    assertThat(report.customers().orElseThrow().failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.stage()).isEqualTo(Stage.DUPLICATE);
              assertThat(f.index()).isEqualTo(1);
              assertThat(f.message()).startsWith("contact 2 has the same email as contact 1");
            });
  }
}
