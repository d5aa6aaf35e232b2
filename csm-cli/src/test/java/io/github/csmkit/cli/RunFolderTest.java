package io.github.csmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.csmkit.cli.CliRunner.Result;
import io.github.csmkit.sandbox.CsmSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every run leaves a folder; {@code csmkit report} and {@code csmkit runs} read it back. */
class RunFolderTest {
  static final String TOKEN = MigrateCommandTest.TOKEN;

  @TempDir Path dir;
  CsmSandbox sandbox;
  Path contacts;
  Path companies;

  @BeforeEach
  void start() throws Exception {
    sandbox = CsmSandbox.builder().runsFor(Duration.ofMillis(5)).token(TOKEN).start();
    contacts = Files.writeString(dir.resolve("contacts.csv"), MigrateCommandTest.CONTACTS);
    companies = Files.writeString(dir.resolve("companies.csv"), MigrateCommandTest.COMPANIES);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  Result migrate(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "migrate",
                "--contacts",
                contacts.toString(),
                "--companies",
                companies.toString(),
                "--base-url",
                sandbox.baseUri().toString(),
                "--failure-threshold",
                "25%"));
    args.addAll(List.of(extra));
    return CliRunner.run(Map.of("CSM_TOKEN", TOKEN), dir, args.toArray(String[]::new));
  }

  List<Path> runs() throws Exception {
    try (Stream<Path> d = Files.list(dir.resolve("csmkit-runs"))) {
      return d.sorted().toList();
    }
  }

  @Test
  void aRunWithoutFlagsLeavesAnOwnerOnlyFolderThatTheSummaryNames() throws Exception {
    Result r = migrate();

    assertThat(r.code()).as(r.all()).isEqualTo(0);
    assertThat(runs()).hasSize(1);
    Path folder = runs().get(0);
    // the default job id is "csmkit-hubspot" (issue 13: it no longer depends on the input files)
    assertThat(folder.getFileName().toString()).matches("\\d{8}T\\d{6}Z-csmkit-hubspot");
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(lines.size() - 1)).startsWith("Run folder: " + folder);
    assertThat(Files.getPosixFilePermissions(folder))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    for (String f :
        List.of("run.json", "report.json", "report.html", "dead-letters.csv", "batches.jsonl")) {
      assertThat(folder.resolve(f)).isRegularFile();
      assertThat(Files.getPosixFilePermissions(folder.resolve(f)))
          .as(f)
          .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }
    JsonNode doc = new ObjectMapper().readTree(folder.resolve("report.json").toFile());
    // with the sync state (the default since issue 13) the state, not a journal, makes a rerun
    // resume: the report names it
    assertThat(doc.at("/settings/state").asText()).endsWith("csmkit-state.db");
    assertThat(doc.path("schemaVersion").asInt()).isEqualTo(1);
    assertThat(doc.at("/outcome/status").asText()).isEqualTo("succeeded");
    assertThat(doc.at("/settings/target").asText()).isEqualTo(sandbox.baseUri().toString());
    assertThat(doc.at("/phases/customers/imported").asLong()).isEqualTo(4);
    long batches = 0;
    for (JsonNode p : doc.path("phases")) {
      batches += p.path("batches").asLong();
    }
    assertThat(Files.readAllLines(folder.resolve("batches.jsonl")).stream())
        .filteredOn(l -> !l.isBlank())
        .hasSize((int) batches);
    assertThat(Files.readString(folder.resolve("dead-letters.csv"))).contains("bad-email@");
    StringBuilder all = new StringBuilder(r.all());
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        all.append(Files.readString(p));
      }
    }
    assertThat(all.toString()).doesNotContain(TOKEN);
  }

  @Test
  void aRerunResumesFromTheLatestRunOfTheSameJobButADryRunNever() throws Exception {
    assertThat(migrate().code()).isEqualTo(0);
    Path first = runs().get(0);

    Result again = migrate();
    assertThat(again.code()).as(again.all()).isEqualTo(0);
    assertThat(again.err()).contains("Resuming from the journal of " + first);
    assertThat(sandbox.creationCount("john.doe@example.com")).isEqualTo(1);

    Result dry = migrate("--dry-run");
    assertThat(dry.code()).as(dry.all()).isEqualTo(0);
    assertThat(dry.err()).doesNotContain("Resuming");
    // the dry run's own journal never seeds a real run: the next real run resumes the second
    Result third = migrate();
    assertThat(third.err()).contains("Resuming from the journal of " + runs().get(1));
    assertThat(runs()).hasSize(4);
  }

  @Test
  void reportPrintsAPastRunAgainAndRunsListsThem() throws Exception {
    Result run = migrate();
    Path folder = runs().get(0);
    Files.createDirectories(dir.resolve("csmkit-runs/29991231T000000Z-crashed"));
    Files.writeString(
        dir.resolve("csmkit-runs/29991231T000000Z-crashed/run.json"),
        "{\"schemaVersion\":1,\"settings\":{\"jobId\":\"crashed\",\"target\":\"x\"}}");

    Result report = CliRunner.run(Map.of(), dir, "report", folder.toString());
    assertThat(report.code()).as(report.all()).isEqualTo(0);
    String summary = between(run.out(), "Migration ", "  failure rate");
    assertThat(summary).contains("customers: 5 read, 4 imported");
    assertThat(report.out()).contains(summary).contains("Outcome: succeeded (exit code 0)");
    assertThat(report.out().lines().reduce((a, b) -> b).orElseThrow())
        .isEqualTo("Run folder: " + folder);

    Result json = CliRunner.run(Map.of(), dir, "report", folder.toString(), "--json");
    assertThat(new ObjectMapper().readTree(json.out()).path("schemaVersion").asInt()).isEqualTo(1);

    Result runs = CliRunner.run(Map.of(), dir, "runs");
    assertThat(runs.code()).isEqualTo(0);
    List<String> lines = runs.out().lines().toList();
    assertThat(lines.get(1)).startsWith("29991231T000000Z-crashed").contains("unfinished");
    assertThat(lines.get(2)).startsWith(folder.getFileName().toString()).contains("succeeded");
    assertThat(lines.get(2)).contains("4/5");

    JsonNode listed =
        new ObjectMapper().readTree(CliRunner.run(Map.of(), dir, "runs", "--json").out());
    assertThat(listed).hasSize(2);
    assertThat(listed.get(1).path("status").asText()).isEqualTo("succeeded");
    assertThat(listed.get(1).path("customersImported").asLong()).isEqualTo(4);

    Result unfinished =
        CliRunner.run(Map.of(), dir, "report", "csmkit-runs/29991231T000000Z-crashed");
    assertThat(unfinished.code()).isEqualTo(4);
    assertThat(unfinished.err()).contains("never finished");
    assertThat(CliRunner.run(Map.of(), dir, "report", "nowhere").code()).isEqualTo(2);
  }

  @Test
  void flagsStillChooseOtherPathsAndTheFolderKeepsItsCopy() throws Exception {
    Path report = dir.resolve("elsewhere/report.json");
    Path deadLetters = dir.resolve("elsewhere/dead.csv");
    Result r = migrate("--report", report.toString(), "--dead-letters", deadLetters.toString());

    assertThat(r.code()).as(r.all()).isEqualTo(0);
    assertThat(report).isRegularFile();
    assertThat(Files.readString(deadLetters)).contains("bad-email@");
    Path folder = runs().get(0);
    assertThat(folder.resolve("report.json")).isRegularFile();
    assertThat(folder.resolve("dead-letters.csv")).doesNotExist();
    assertThat(new ObjectMapper().readTree(report.toFile()).at("/files/deadLetters").asText())
        .isEqualTo(deadLetters.toString());
  }

  static String between(String s, String from, String to) {
    int a = s.indexOf(from);
    int b = s.indexOf(to, a);
    assertThat(a).as("'" + from + "' in " + s).isGreaterThanOrEqualTo(0);
    assertThat(b).as("'" + to + "' in " + s).isGreaterThan(a);
    // the first line names the duration, which a rerun measures anew only in the live run
    return s.substring(s.indexOf('\n', a) + 1, b);
  }
}
