package io.github.csmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.csmkit.cli.CliRunner.Result;
import io.github.csmkit.sandbox.CsmSandbox;
import io.github.csmkit.sandbox.CustomerSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code csmkit migrate} against a sandbox started by the test. */
class MigrateCommandTest {
  static final String TOKEN = "tok-S3CRET-5f1e2d3c4b5a69788796a5b4";

  static final String COMPANIES =
      """
      "Record ID","Company name","Company Domain Name","Industry","Number of Employees","Website URL"
      "101","Acme Corporation","acme.com","Manufacturing","250","https://acme.com"
      "102","Tech Innovators","techinnovators.io","Software","40","https://techinnovators.io"
      """;

  static final String CONTACTS =
      """
      "Record ID","First Name","Last Name","Email","Phone Number","Company Name","Lifecycle Stage","Lead Status","Associated Company IDs"
      "1","John","Doe","john.doe@example.com","+1-555-0123","Acme Corporation","Customer","In Progress","101"
      "2","Jane","Roe","jane.roe@example.com","","Tech Innovators","Lead","New","102"
      "3","Max","Power","max@globex.com","","","Customer","",""
      "4","Bad","Email","bad-email@","","Acme Corporation","Customer","",""
      "5","Solo","Founder","solo@startup.example","","Startup Ltd","Subscriber","",""
      """;

  @TempDir Path dir;
  CsmSandbox sandbox;
  Path contacts;
  Path companies;

  @BeforeEach
  void start() throws Exception {
    sandbox = CsmSandbox.builder().runsFor(Duration.ofMillis(5)).token(TOKEN).start();
    contacts = Files.writeString(dir.resolve("contacts.csv"), CONTACTS);
    companies = Files.writeString(dir.resolve("companies.csv"), COMPANIES);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  Result migrate(Map<String, String> env, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "migrate",
                "--contacts",
                contacts.toString(),
                "--companies",
                companies.toString(),
                "--base-url",
                sandbox.baseUri().toString()));
    args.addAll(List.of(extra));
    return CliRunner.run(env, dir, args.toArray(String[]::new));
  }

  List<String> emails() {
    return sandbox.customers().stream().map(CustomerSnapshot::email).sorted().toList();
  }

  @Test
  void migratesTheCsvExportIntoCsmAndNeverShowsTheToken() throws Exception {
    Path report = dir.resolve("out/report.json");
    Path deadLetters = dir.resolve("out/dead-letters.csv");
    Result r =
        migrate(
            Map.of("CSM_TOKEN", TOKEN),
            "--report",
            report.toString(),
            "--dead-letters",
            deadLetters.toString(),
            "--journal",
            dir.resolve("journal").toString(),
            "--verbose",
            "--failure-threshold",
            "25%");

    assertThat(r.code()).as(r.all()).isEqualTo(0);
    assertThat(emails())
        .containsExactly(
            "jane.roe@example.com",
            "john.doe@example.com",
            "max@globex.com",
            "solo@startup.example");
    assertThat(sandbox.organizations())
        .extracting(o -> o.name())
        .containsExactlyInAnyOrder("Acme Corporation", "Tech Innovators", "Startup Ltd");
    assertThat(r.out())
        .contains("customers: 5 read, 4 imported, 0 failed, 1 rejected")
        .contains("verification: 4 customers checked, 0 problems");
    assertThat(r.err()).contains("Customers ...").contains("Customers: customer profiles");

    JsonNode json = new ObjectMapper().readTree(report.toFile());
    assertThat(json.at("/phases/customers/imported").asLong()).isEqualTo(4);
    assertThat(Files.readString(deadLetters)).contains("bad-email@");

    StringBuilder everything =
        new StringBuilder(r.all())
            .append(Files.readString(report))
            .append(Files.readString(deadLetters));
    try (var files = Files.walk(dir.resolve("journal"))) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        everything.append(Files.readString(p));
      }
    }
    assertThat(everything.toString()).doesNotContain(TOKEN).doesNotContain("S3CRET");
  }

  @Test
  void aRerunWithTheDerivedJobIdResumesWithoutDuplicates() {
    Map<String, String> env = Map.of("CSM_TOKEN", TOKEN);
    assertThat(migrate(env, "--failure-threshold", "25%").code()).isEqualTo(0);
    Result again = migrate(env, "--failure-threshold", "25%");

    assertThat(again.code()).as(again.all()).isEqualTo(0);
    assertThat(sandbox.creationCount("john.doe@example.com")).isEqualTo(1);
    assertThat(sandbox.customers()).hasSize(4);
  }

  @Test
  void tokenComesFromTheVariableOrFileNamed() throws Exception {
    assertThat(
            migrate(Map.of("MY_CSM", TOKEN), "--token-env", "MY_CSM", "--failure-threshold", "25%")
                .code())
        .isEqualTo(0);
    sandbox.reset();
    Path file = Files.writeString(dir.resolve("token.txt"), TOKEN + "\n");
    assertThat(
            migrate(
                    Map.of(),
                    "--token-file",
                    file.toString(),
                    "--job-id",
                    "other",
                    "--failure-threshold",
                    "25%")
                .code())
        .isEqualTo(0);
    assertThat(sandbox.customers()).hasSize(4);
  }

  @Test
  void dryRunWritesNothingToTheTargetAndSaysSoLoudly() {
    Result r =
        migrate(Map.of("CSM_TOKEN", TOKEN), "--dry-run", "--quiet", "--failure-threshold", "25%");

    assertThat(r.code()).as(r.all()).isEqualTo(0);
    assertThat(sandbox.customers()).isEmpty();
    assertThat(sandbox.organizations()).isEmpty();
    for (io.github.csmkit.sandbox.Endpoint e : io.github.csmkit.sandbox.Endpoint.values()) {
      assertThat(sandbox.requestCount(e)).as("requests to %s", e).isZero();
    }
    assertThat(r.err()).contains("DRY RUN").contains("NOTHING is written to CSM");
    assertThat(r.out()).startsWith("DRY RUN: nothing was written to CSM").contains("4 imported");
  }

  @Test
  void whereSelectsContacts() {
    Result r =
        migrate(
            Map.of("CSM_TOKEN", TOKEN),
            "--where",
            "lifecyclestage=customer",
            "--where",
            "email~example");

    assertThat(r.code()).as(r.all()).isEqualTo(0);
    assertThat(emails()).containsExactly("john.doe@example.com");
    assertThat(r.out()).contains("1 imported").contains("4 excluded");
  }

  @Test
  void testBatchMigratesOnlyTheFirstContacts() {
    Result r = migrate(Map.of("CSM_TOKEN", TOKEN), "--test-batch", "2");

    assertThat(r.code()).as(r.all()).isEqualTo(0);
    assertThat(emails()).containsExactly("jane.roe@example.com", "john.doe@example.com");
  }

  @Test
  void jsonPrintsTheReportOnStdout() throws Exception {
    Result r =
        migrate(
            Map.of("CSM_TOKEN", TOKEN),
            "--json",
            "--job-id",
            "json-job",
            "--failure-threshold",
            "25%");

    assertThat(r.code()).as(r.all()).isEqualTo(0);
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("jobId").asText()).isEqualTo("json-job");
    assertThat(json.at("/phases/customers/rejected").asLong()).isEqualTo(1);
    assertThat(json.at("/verification/passed").asBoolean()).isTrue();
  }

  @Test
  void failuresAboveTheThresholdExitWith1() throws Exception {
    // 1 of 8 records (3 organizations, 5 contacts) fails: 12.5%, above the default 5%
    Result byDefault = migrate(Map.of("CSM_TOKEN", TOKEN));
    assertThat(byDefault.code()).as(byDefault.all()).isEqualTo(1);
    assertThat(byDefault.err())
        .contains("12.5% of the records did not import, above the threshold 5.0%");
    sandbox.reset();

    Files.writeString(
        contacts,
        CONTACTS
            + """
        "6","Bad","Two","bad2@","","","Lead","",""
        "7","Bad","Three","bad three@example.com","","","Lead","",""
        """);
    Result r =
        migrate(Map.of("CSM_TOKEN", TOKEN), "--failure-threshold", "10%", "--job-id", "strict");

    assertThat(r.code()).as(r.all()).isEqualTo(1);
    assertThat(r.err()).contains("above the threshold 10.0%");
    sandbox.reset();
    assertThat(
            migrate(Map.of("CSM_TOKEN", TOKEN), "--failure-threshold", "0.5", "--job-id", "lenient")
                .code())
        .isEqualTo(0);
  }

  @Test
  void aWrongTokenExitsWith3AndIsNotShown() {
    String wrong = "wrong-token-0123456789abcdef";
    Result r = migrate(Map.of("CSM_TOKEN", wrong));

    assertThat(r.code()).as(r.all()).isEqualTo(3);
    assertThat(r.err()).contains("401");
    assertThat(r.all()).doesNotContain(wrong).doesNotContain("Exception");
    assertThat(sandbox.customers()).isEmpty();
  }

  @Test
  void aMissingTokenExitsWith3() {
    Result r = migrate(Map.of());

    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("CSM_TOKEN is not set");
  }

  @Test
  void aBadMappingFileExitsWith3() throws Exception {
    Path mapping = Files.writeString(dir.resolve("mapping.yaml"), "customers:\n  colour: blue\n");
    Result r = migrate(Map.of("CSM_TOKEN", TOKEN), "--mapping", mapping.toString());

    assertThat(r.code()).as(r.all()).isEqualTo(3);
    assertThat(r.err()).contains("bad mapping file").contains("colour");
  }

  @Test
  void usageErrorsExitWith2() {
    Map<String, String> env = Map.of("CSM_TOKEN", TOKEN);
    assertThat(CliRunner.run(env, dir, "migrate", "--token", "x").code()).isEqualTo(2);
    assertThat(CliRunner.run(env, dir, "migrate", "--base-url", "http://127.0.0.1:1").err())
        .contains("no input");
    assertThat(CliRunner.run(env, dir, "migrate", "--contacts", "nope.csv", "--dry-run").code())
        .isEqualTo(2);
    assertThat(migrate(env, "--where", "lifecyclestage").code()).isEqualTo(2);
    assertThat(migrate(env, "--failure-threshold", "lots").code()).isEqualTo(2);
    assertThat(migrate(env, "--test-batch", "0").code()).isEqualTo(2);
    assertThat(CliRunner.run(env, dir, "migrate", "--contacts", contacts.toString()).err())
        .contains("no target");
    assertThat(CliRunner.run(env, dir, "frobnicate").code()).isEqualTo(2);
    assertThat(sandbox.customers()).isEmpty();
  }

  @Test
  void readsCrmJsonLinesToo() throws Exception {
    Path jsonl =
        Files.writeString(
            dir.resolve("contacts.jsonl"),
            """
        {"id":"1","properties":{"email":"ada@example.com","firstname":"Ada","lastname":"Lovelace"}}
        {"id":"2","properties":{"email":"alan@example.com","firstname":"Alan","lastname":"Turing"}}
        """);
    Result r =
        CliRunner.run(
            Map.of("CSM_TOKEN", TOKEN),
            dir,
            "migrate",
            "--contacts",
            jsonl.toString(),
            "--base-url",
            sandbox.baseUri().toString());

    assertThat(r.code()).as(r.all()).isEqualTo(0);
    assertThat(emails()).containsExactly("ada@example.com", "alan@example.com");
  }

  @Test
  void thresholdsParseAsPercentOrFraction() {
    assertThat(MigrateCommand.parseThreshold("5%")).isEqualTo(0.05);
    assertThat(MigrateCommand.parseThreshold("0.05")).isEqualTo(0.05);
    assertThat(MigrateCommand.parseThreshold(".5")).isEqualTo(0.5);
    assertThat(MigrateCommand.parseThreshold("0%")).isEqualTo(0.0);
    assertThat(MigrateCommand.parseThreshold("0.0")).isEqualTo(0.0);
    assertThat(MigrateCommand.parseThreshold("100%")).isEqualTo(1.0);
    // a bare number could mean a percentage or a fraction: refused, saying how to write it
    for (String ambiguous : List.of("5", "1", "0", "25")) {
      assertThatThrownBy(() -> MigrateCommand.parseThreshold(ambiguous))
          .isInstanceOf(CliException.class)
          .hasMessageContaining("ambiguous")
          .hasMessageContaining("5%")
          .hasMessageContaining("0.05");
    }
    for (String bad : List.of("1.5", "101%", "-5%", "5%%", "lots", "")) {
      assertThatThrownBy(() -> MigrateCommand.parseThreshold(bad)).isInstanceOf(CliException.class);
    }
  }

  @Test
  void aDryRunsJournalIsRefusedByTheRealRun() throws Exception {
    Path journal = dir.resolve("journal");
    Result dry =
        migrate(
            Map.of(), "--dry-run", "--failure-threshold", "25%", "--journal", journal.toString());
    assertThat(dry.code()).as(dry.all()).isEqualTo(0);
    assertThat(emails()).isEmpty();

    Result real =
        migrate(
            Map.of("CSM_TOKEN", TOKEN),
            "--failure-threshold",
            "25%",
            "--journal",
            journal.toString());
    // before the fix: exit 0, "4 imported" and CSM held no customer
    assertThat(real.code()).as(real.all()).isEqualTo(3);
    assertThat(real.err())
        .contains("(a dry run)")
        .contains("at " + sandbox.baseUri().toString().replaceAll("/+$", ""))
        .doesNotContain(TOKEN);
    assertThat(emails()).isEmpty();
  }

  @Test
  void aDryRunsJsonSaysItWasADryRun() throws Exception {
    Result dry = migrate(Map.of(), "--dry-run", "--json", "--failure-threshold", "25%");
    assertThat(dry.code()).as(dry.all()).isEqualTo(0);
    assertThat(new ObjectMapper().readTree(dry.out()).path("dryRun").isBoolean()).isTrue();
    assertThat(new ObjectMapper().readTree(dry.out()).path("dryRun").asBoolean()).isTrue();
    Result real =
        migrate(Map.of("CSM_TOKEN", TOKEN), "--json", "--failure-threshold", "25%", "--yes");
    assertThat(real.code()).as(real.all()).isEqualTo(0);
    assertThat(new ObjectMapper().readTree(real.out()).path("dryRun").isBoolean()).isTrue();
    assertThat(new ObjectMapper().readTree(real.out()).path("dryRun").asBoolean()).isFalse();
  }
}
