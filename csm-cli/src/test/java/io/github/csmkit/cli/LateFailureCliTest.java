package io.github.csmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.csmkit.cli.CliRunner.Result;
import io.github.csmkit.sandbox.CsmSandbox;
import io.github.csmkit.sandbox.Endpoint;
import io.github.csmkit.sandbox.Fault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code csmkit migrate} when something fails late or Ctrl-C comes (issue 16, items 5 and 6),
 * in-process against a sandbox with injected faults; Ctrl-C is the interrupt of the command's
 * thread, as the shutdown hook of {@link Main} sends it. Before: no report.json, no dead letters,
 * no summary, exit 1, and tasks in flight at Ctrl-C reported unresolved at once.
 */
class LateFailureCliTest {
  static final String TOKEN = MigrateCommandTest.TOKEN;

  @TempDir Path dir;
  CsmSandbox sandbox;
  Path contacts;
  Path companies;

  void start(Duration runsFor, boolean demo) throws Exception {
    sandbox = CsmSandbox.builder().runsFor(runsFor).token(TOKEN).start();
    if (demo) {
      contacts = Path.of("src/main/resources/demo/contacts.csv").toAbsolutePath();
      companies = Path.of("src/main/resources/demo/companies.csv").toAbsolutePath();
    } else {
      contacts = Files.writeString(dir.resolve("contacts.csv"), MigrateCommandTest.CONTACTS);
      companies = Files.writeString(dir.resolve("companies.csv"), MigrateCommandTest.COMPANIES);
    }
  }

  @AfterEach
  void stop() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  String[] args(String... extra) {
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
                "--no-state"));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  Result migrate(String... extra) {
    return CliRunner.run(Map.of("CSM_TOKEN", TOKEN), dir, args(extra));
  }

  /** Runs the command on its own thread and interrupts it once {@code when} holds. */
  Result interruptedWhen(BooleanSupplier when, String... extra) throws Exception {
    AtomicReference<Result> result = new AtomicReference<>();
    Thread command =
        new Thread(() -> result.set(CliRunner.run(Map.of("CSM_TOKEN", TOKEN), dir, args(extra))));
    command.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!when.getAsBoolean()) {
      assertThat(System.nanoTime()).as("the moment to interrupt never came").isLessThan(deadline);
      assertThat(command.isAlive()).as("the command ended first: " + result.get()).isTrue();
      Thread.sleep(5);
    }
    command.interrupt();
    command.join(TimeUnit.SECONDS.toMillis(60));
    assertThat(command.isAlive()).isFalse();
    return result.get();
  }

  Path runFolder() throws Exception {
    try (Stream<Path> runs = Files.list(dir.resolve("csmkit-runs"))) {
      return runs.filter(Files::isDirectory).findFirst().orElseThrow();
    }
  }

  JsonNode reportJson() throws Exception {
    return new ObjectMapper().readTree(runFolder().resolve("report.json").toFile());
  }

  @Test
  void aVerificationFetchAnswering500LeavesTheReportTheDeadLettersAndTheSummary() throws Exception {
    start(Duration.ofMillis(5), false);
    // every attempt of the client's default policy (6)
    sandbox.faults().on(Endpoint.CUSTOMER_PROFILE_FETCH).times(6, Fault.status(500));
    Path report = dir.resolve("out/report.json");

    Result r = migrate("--report", report.toString(), "--failure-threshold", "25%");

    assertThat(r.code()).as(r.all()).isEqualTo(1);
    assertThat(sandbox.customers()).hasSize(4);
    assertThat(r.out())
        .contains("customers: 5 read, 4 imported, 0 failed, 1 rejected")
        .contains("STOPPED: the verification phase failed")
        .contains("Dead letters: ");
    assertThat(r.err()).contains("csmkit: CSM answered 500").contains("verification phase");
    for (JsonNode j :
        List.of(new ObjectMapper().readTree(report.toFile()), reportJson())) { // both copies
      assertThat(j.at("/outcome/status").asText()).isEqualTo("failed");
      assertThat(j.at("/outcome/exitCode").asInt()).isEqualTo(1);
      assertThat(j.at("/failure/phase").asText()).isEqualTo("verification");
      assertThat(j.at("/stopReason").asText()).startsWith("the verification phase failed:");
      assertThat(j.at("/phases/customers/imported").asLong()).isEqualTo(4);
      assertThat(j.at("/verification/passed").asBoolean()).isFalse();
      assertThat(j.toString()).doesNotContain(TOKEN);
    }
    assertThat(Files.readString(runFolder().resolve("dead-letters.csv"))).contains("bad-email@");
  }

  @Test
  void anOrganizationLookUpErrorAfterTheImportSaysTheCustomersWereNotReached() throws Exception {
    start(Duration.ofMillis(5), false);
    sandbox
        .faults()
        .on(Endpoint.ORGANIZATION_FETCH)
        .next(Fault.delay(Duration.ZERO), Fault.status(400, "{\"message\":\"lookup refused\"}"));

    Result r = migrate("--failure-threshold", "25%");

    assertThat(r.code()).as(r.all()).isEqualTo(1);
    assertThat(sandbox.organizations()).hasSize(3);
    assertThat(sandbox.customers()).isEmpty();
    assertThat(r.out())
        .contains("organizations: 3 read, 3 imported")
        .contains("not reached: customers, verification (nothing of them was read or sent)")
        .doesNotContain("customers: ");
    JsonNode j = reportJson();
    assertThat(j.at("/failure/phase").asText()).isEqualTo("organizations");
    assertThat(j.at("/phases/organizations/imported").asLong()).isEqualTo(3);
    assertThat(j.at("/phases/customers").isMissingNode()).isTrue();
    assertThat(j.path("phasesNotReached").toString()).isEqualTo("[\"customers\",\"verification\"]");
    assertThat(j.at("/complete").asBoolean()).isFalse();
    assertThat(runFolder().resolve("dead-letters.csv")).exists();
  }

  @Test
  void ctrlCBetweenTheOrganizationsAndTheCustomersExits4WithTheReport() throws Exception {
    start(Duration.ofMillis(5), false);
    // the look-up after the organizations' import hangs: Ctrl-C comes while it waits
    sandbox
        .faults()
        .on(Endpoint.ORGANIZATION_FETCH)
        .next(Fault.delay(Duration.ZERO), Fault.delay(Duration.ofSeconds(20)));

    Result r =
        interruptedWhen(
            () -> sandbox.requestCount(Endpoint.ORGANIZATION_FETCH) >= 2,
            "--failure-threshold",
            "25%");

    assertThat(r.code()).as(r.all()).isEqualTo(4);
    assertThat(sandbox.customers()).isEmpty();
    JsonNode j = reportJson();
    assertThat(j.at("/outcome/status").asText()).isEqualTo("stopped");
    assertThat(j.at("/outcome/exitCode").asInt()).isEqualTo(4);
    assertThat(j.at("/failure/interrupted").asBoolean()).isTrue();
    assertThat(j.at("/stopReason").asText())
        .isEqualTo("interrupted during the organizations phase");
    assertThat(j.at("/phases/organizations/imported").asLong()).isEqualTo(3);
    assertThat(j.path("phasesNotReached").toString()).isEqualTo("[\"customers\",\"verification\"]");
    assertThat(r.out()).contains("not reached: customers, verification");
    assertThat(runFolder().resolve("dead-letters.csv")).exists();
  }

  @Test
  void ctrlCDuringVerificationExits4AndKeepsTheImport() throws Exception {
    start(Duration.ofMillis(5), false);
    sandbox.faults().on(Endpoint.CUSTOMER_PROFILE_FETCH).next(Fault.delay(Duration.ofSeconds(20)));

    Result r =
        interruptedWhen(
            () -> sandbox.requestCount(Endpoint.CUSTOMER_PROFILE_FETCH) >= 1,
            "--failure-threshold",
            "25%");

    assertThat(r.code()).as(r.all()).isEqualTo(4);
    JsonNode j = reportJson();
    assertThat(j.at("/stopReason").asText()).isEqualTo("interrupted during the verification phase");
    assertThat(j.at("/phases/customers/imported").asLong()).isEqualTo(4);
    assertThat(j.at("/verification/passed").asBoolean()).isFalse();
    assertThat(Files.readString(runFolder().resolve("dead-letters.csv"))).contains("bad-email@");
  }

  @Test
  void ctrlCWithTasksInFlightWaitsForThoseThatEndWithinTheGrace() throws Exception {
    // tasks take 2 s, two in flight: Ctrl-C as soon as two customer batches are sent
    start(Duration.ofSeconds(2), true);

    Result r =
        interruptedWhen(
            () -> sandbox.requestCount(Endpoint.CUSTOMER_PROFILES) >= 2,
            "--max-in-flight",
            "2",
            "--failure-threshold",
            "25%");

    assertThat(r.code()).as(r.all()).isEqualTo(4);
    JsonNode customers = reportJson().at("/phases/customers");
    // before the fix: 0 imported, 100 unresolved, although both tasks ended 2 s later
    assertThat(customers.path("imported").asLong()).as(customers.toString()).isEqualTo(100);
    assertThat(customers.path("unresolved").asLong()).isZero();
    assertThat(customers.path("notSubmitted").asLong()).isPositive();
    assertThat(sandbox.customers()).hasSize(100);
    assertThat(reportJson().at("/stopReason").asText()).isEqualTo("interrupted");
    assertThat(reportJson().at("/outcome/exitCode").asInt()).isEqualTo(4);
    String deadLetters = Files.readString(runFolder().resolve("dead-letters.csv"));
    assertThat(deadLetters).contains("NOT_SUBMITTED").doesNotContain("UNRESOLVED");
  }
}
