package io.github.csmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.csmkit.cli.CliRunner.Result;
import io.github.csmkit.client.Credentials;
import io.github.csmkit.client.CsmClient;
import io.github.csmkit.client.model.CustomerAccount;
import io.github.csmkit.client.model.CustomerAccountBatch;
import io.github.csmkit.client.model.SubmittedTask;
import io.github.csmkit.hubspot.mapping.HubSpotMapping;
import io.github.csmkit.sandbox.CsmSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** demo, task, mapping init, --version, help. */
class CommandsTest {
  @TempDir Path dir;

  @Test
  void demoMigratesTheBundledExportAndWritesItsFiles() throws Exception {
    Result r = CliRunner.run(Map.of(), dir, "demo", "--output", dir.resolve("demo-out").toString());

    assertThat(r.code()).as(r.all()).isEqualTo(0);
    assertThat(r.out())
        .contains("customers: 500 read, 488 imported, 0 failed, 8 rejected, 4 duplicates")
        .contains("organizations: 64 read, 64 imported")
        .contains("verification: 488 customers checked, 0 problems")
        .contains("The sandbox now holds 64 organizations and 488 customers.");
    assertThat(
            new ObjectMapper()
                .readTree(dir.resolve("demo-out/report.json").toFile())
                .at("/phases/customers/imported")
                .asLong())
        .isEqualTo(488);
    // the 8 rejected: 4 invalid emails, 3 missing, 1 row with cells missing
    String deadLetters = Files.readString(dir.resolve("demo-out/dead-letters.csv"));
    assertThat(deadLetters)
        .contains("maria.garcia@")
        .contains("tom at initech.example")
        .contains("jane@@globex.example")
        .contains("first.last@example");
    assertThat(deadLetters.lines().count()).isGreaterThanOrEqualTo(9);
  }

  @Test
  void taskGetAndWaitShowATask() throws Exception {
    String token = "task-token-abcdef0123456789";
    try (CsmSandbox sandbox =
            CsmSandbox.builder().runsFor(Duration.ofMillis(200)).token(token).start();
        CsmClient csm =
            CsmClient.builder()
                .baseUri(sandbox.baseUri())
                .credentials(Credentials.bearer(token))
                .build()) {
      csm.tasks()
          .await(
              csm.customerAccounts()
                  .submit(
                      CustomerAccountBatch.of(
                          java.util.List.of(
                              CustomerAccount.of("alice.johnson@example.com", "Alice Johnson")))));
      // alice exists now: the server fails her record, bob's goes through
      SubmittedTask task =
          csm.customerAccounts()
              .submit(
                  CustomerAccountBatch.of(
                      java.util.List.of(
                          CustomerAccount.of("alice.johnson@example.com", "Alice Johnson"),
                          CustomerAccount.of("bob.wilson@example.com", "Bob Wilson"))));
      Map<String, String> env = Map.of("CSM_TOKEN", token);
      String url = sandbox.baseUri().toString();

      Result get = CliRunner.run(env, dir, "task", "get", task.id(), "--base-url", url);
      assertThat(get.code()).as(get.all()).isEqualTo(0);
      assertThat(get.out()).contains("Task " + task.id() + ": ");

      Result wait = CliRunner.run(env, dir, "task", "wait", task.id(), "--base-url", url);
      assertThat(wait.code()).as(wait.all()).isEqualTo(0);
      assertThat(wait.out())
          .contains("FINISHED")
          .contains("failures: 1")
          .contains("alice.johnson@example.com");

      Result json = CliRunner.run(env, dir, "task", "get", task.id(), "--base-url", url, "--json");
      assertThat(new ObjectMapper().readTree(json.out()).get("state").asText())
          .isEqualTo("FINISHED");

      Result missing = CliRunner.run(env, dir, "task", "get", "no-such-task", "--base-url", url);
      assertThat(missing.code()).isEqualTo(1);
      assertThat(missing.err()).contains("not found (404)");

      Result wrong =
          CliRunner.run(
              Map.of("CSM_TOKEN", "nope"), dir, "task", "get", task.id(), "--base-url", url);
      assertThat(wrong.code()).isEqualTo(3);
      assertThat(get.all() + wait.all() + json.all() + missing.all()).doesNotContain(token);
    }
  }

  @Test
  void mappingInitWritesTheDefaultMapping() {
    Result r = CliRunner.run(Map.of(), dir, "mapping", "init");

    assertThat(r.code()).as(r.all()).isEqualTo(0);
    assertThat(HubSpotMapping.load(dir.resolve("csmkit-mapping.yaml")))
        .isEqualTo(HubSpotMapping.defaults());
    assertThat(CliRunner.run(Map.of(), dir, "mapping", "init").code()).isEqualTo(2);
    assertThat(CliRunner.run(Map.of(), dir, "mapping", "init", "--force").code()).isEqualTo(0);
    assertThat(CliRunner.run(Map.of(), dir, "mapping", "init", "-").out()).contains("support-tier");
  }

  @Test
  void versionAndHelp() {
    Result version = CliRunner.run(Map.of(), dir, "--version");
    assertThat(version.code()).isEqualTo(0);
    assertThat(version.out()).startsWith("csmkit ");

    Result help = CliRunner.run(Map.of(), dir, "--help");
    assertThat(help.out()).contains("migrate", "demo", "task", "sandbox", "mapping", "Exit codes:");
    assertThat(CliRunner.run(Map.of(), dir).code()).isEqualTo(2);
    assertThat(CliRunner.run(Map.of(), dir, "task").code()).isEqualTo(2);
  }
}
