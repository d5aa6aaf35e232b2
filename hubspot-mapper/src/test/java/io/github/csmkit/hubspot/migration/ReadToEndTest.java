package io.github.csmkit.hubspot.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csmkit.hubspot.source.CsvExportSource;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report says when the contacts were not read to their end, and how far they were read (issue 16,
 * item 4): before, a test batch of 2 out of 300 reported "2 read, 0 excluded" and complete.
 */
class ReadToEndTest extends SandboxTest {
  @TempDir Path dir;
  private Path companies;
  private Path contacts;

  @BeforeEach
  void files() throws Exception {
    companies = Files.writeString(dir.resolve("companies.csv"), "\"Record ID\",\"Name\"\n");
    StringBuilder csv = new StringBuilder("\"Record ID\",\"First Name\",\"Email\"\n");
    for (int i = 1; i <= 300; i++) {
      // every third email is invalid: a failure rate of a third
      csv.append(i)
          .append(",P")
          .append(i)
          .append(",p")
          .append(i)
          .append(i % 3 == 0 ? "@" : "@x.example")
          .append('\n');
    }
    contacts = Files.writeString(dir.resolve("contacts.csv"), csv);
  }

  private MigrationReport run(HubSpotMigration.Builder b) {
    return b.build()
        .run(CsvExportSource.companies(companies), () -> CsvExportSource.contacts(contacts));
  }

  @Test
  void aTestBatchSaysHowFarTheContactsWereRead() throws Exception {
    MigrationReport r = run(HubSpotMigration.builder(csm).jobId("batch").testBatch(2));

    assertThat(r.customers().orElseThrow().counts().succeeded()).isEqualTo(2);
    assertThat(r.contactsReadToEnd()).isFalse();
    assertThat(r.contactsReadUpTo()).hasValueSatisfying(p -> assertThat(p.record()).isEqualTo(2));
    assertThat(r.complete()).isFalse();
    assertThat(r.summary())
        .contains("contacts not read to their end: read up to " + contacts + ":3 (record 2)");
    Path json = dir.resolve("r.json");
    r.writeJson(json);
    assertThat(Files.readString(json))
        .contains("\"readToEnd\" : false")
        .contains("\"readUpTo\" : \"" + dir.resolve("contacts.csv") + ":3 (record 2)\"");
  }

  @Test
  void aStoppedImportSaysHowFarItGotAndAWholeRunSaysItReadEverything() {
    MigrationReport stopped =
        run(
            HubSpotMigration.builder(csm)
                .jobId("stopped")
                .maxInFlight(1)
                .failureThreshold(0.1)
                .stopOnFailureThreshold(true));
    assertThat(stopped.stopReason()).isPresent();
    assertThat(stopped.contactsReadToEnd()).isFalse();
    assertThat(stopped.contactsReadUpTo())
        .hasValueSatisfying(p -> assertThat(p.record()).isLessThan(300));

    sandbox.reset();
    MigrationReport whole = run(HubSpotMigration.builder(csm).jobId("whole"));
    assertThat(whole.contactsReadToEnd()).isTrue();
    assertThat(whole.contactsReadUpTo())
        .hasValueSatisfying(p -> assertThat(p.record()).isEqualTo(300));
    assertThat(whole.summary()).doesNotContain("not read to their end");
  }
}
