package io.github.csmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csmkit.cli.CliRunner.Result;
import io.github.csmkit.sandbox.Endpoint;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code csmkit migrate} with its default state: the phased migration, a rerun on an edited export
 * with no new flag, the plan of {@code --dry-run} and {@code --retry-failed}.
 */
class MigrateStateTest extends MigrateCommandTest {
  private static final Map<String, String> ENV = Map.of("CSM_TOKEN", TOKEN);

  @Test
  void theTestBatchThenTheFullRunThenAnEditedExportUseTheDefaultState() throws Exception {
    Result batch = migrate(ENV, "--test-batch", "2");
    assertThat(batch.code()).as(batch.all()).isEqualTo(0);
    assertThat(batch.err()).contains("state ").contains("csmkit-state.db");
    assertThat(dir.resolve("csmkit-state.db")).exists();

    Result full = migrate(ENV, "--failure-threshold", "25%");
    assertThat(full.code()).as(full.all()).isEqualTo(0);
    // the bad email is rejected again; the two of the test batch are not sent again
    assertThat(full.out())
        .contains("contacts: created 2, updated 0, unchanged 2, retried 0, failed 0, rejected 1");
    assertThat(emails()).hasSize(4);

    Files.writeString(
        contacts,
        CONTACTS
            .replace("\"Jane\",\"Roe\"", "\"Janet\",\"Roe\"")
            .replace("\"Lead\",\"New\"", "\"Customer\",\"New\""));
    long profiles = sandbox.requestCount(Endpoint.CUSTOMER_PROFILES);

    Result plan = migrate(ENV, "--dry-run", "--quiet", "--failure-threshold", "25%");
    assertThat(plan.code()).as(plan.all()).isEqualTo(0);
    assertThat(plan.out())
        .contains("Plan (nothing was sent or written")
        .contains(
            "contacts: 0 to create, 1 to update (display name 1, lifecycle 1), 3 unchanged, 0 to retry, 1 rejected");
    assertThat(sandbox.requestCount(Endpoint.CUSTOMER_PROFILES)).isEqualTo(profiles);

    Result edited = migrate(ENV, "--failure-threshold", "25%");
    assertThat(edited.code()).as(edited.all()).isEqualTo(0);
    assertThat(edited.out())
        .contains("contacts: created 0, updated 1, unchanged 3, retried 0, failed 0, rejected 1");
    assertThat(
            sandbox.customers().stream()
                .filter(c -> c.email().equals("jane.roe@example.com"))
                .findFirst()
                .orElseThrow()
                .displayName())
        .isEqualTo("Janet Roe");
    assertThat(sandbox.creationCount("jane.roe@example.com")).isEqualTo(1);

    Result retry = migrate(ENV, "--retry-failed", "--failure-threshold", "25%");
    assertThat(retry.code()).as(retry.all()).isEqualTo(0);
    // only the failure is sent again (and refused again): nothing else is
    assertThat(retry.out())
        .contains("customers: 1 read, 0 imported, 0 failed, 1 rejected")
        .contains("contacts: created 0, updated 0, unchanged 4, retried 0, failed 0, rejected 1");
  }

  @Test
  void noStateIsTheOneShotImport() {
    Result r = migrate(ENV, "--no-state", "--failure-threshold", "25%");
    assertThat(r.code()).as(r.all()).isEqualTo(0);
    assertThat(r.err()).contains("no state");
    assertThat(dir.resolve("csmkit-state.db")).doesNotExist();
    assertThat(migrate(ENV, "--no-state", "--retry-failed").code()).isEqualTo(2);
  }
}
