package io.github.csmkit.client.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csmkit.client.Credentials;
import io.github.csmkit.client.CsmClient;
import io.github.csmkit.client.RetryPolicy;
import io.github.csmkit.client.bulk.ImportReport.Stage;
import io.github.csmkit.sandbox.CsmSandbox;
import io.github.csmkit.sandbox.CustomerSnapshot;
import io.github.csmkit.sandbox.Endpoint;
import io.github.csmkit.sandbox.Fault;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per fault, 10,000 records each, against the sandbox: nothing created twice, nothing lost,
 * the report's counts adding up. The table printed at the end is kept in RELIABILITY.md.
 */
class FaultMatrixTest {
  private static final int RECORDS = 10_000;
  private static final List<String> TABLE = new ArrayList<>();

  /** A fault scenario: how to arm the sandbox, and what the report must then show. */
  record Row(
      String name,
      Consumer<CsmSandbox> arm,
      Duration attemptTimeout,
      long unresolved,
      long taskFailed) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> rows() {
    Duration normal = Duration.ofSeconds(5);
    return Stream.of(
        row(
            "429 with Retry-After in seconds",
            s -> profiles(s).random(1, 0.01, Fault.rateLimited(Duration.ofSeconds(1))),
            normal,
            0,
            0),
        row(
            "429 with Retry-After as an HTTP date",
            s ->
                profiles(s)
                    .random(
                        2,
                        0.01,
                        Fault.rateLimitedAt(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2))),
            normal,
            0,
            0),
        row(
            "429 without Retry-After",
            s -> profiles(s).random(3, 0.05, Fault.rateLimitedNoHeader()),
            normal,
            0,
            0),
        row("503", s -> profiles(s).random(4, 0.05, Fault.status(503)), normal, 0, 0),
        row(
            "connection reset before processing",
            s -> profiles(s).random(5, 0.05, Fault.resetBeforeProcessing()),
            normal,
            0,
            0),
        row(
            "connection reset after the task was created",
            s -> profiles(s).random(6, 0.05, Fault.resetAfterProcessing()),
            normal,
            0,
            0),
        row(
            "answers slower than the attempt timeout",
            s -> profiles(s).random(7, 0.03, Fault.delay(Duration.ofMillis(700))),
            Duration.ofMillis(300),
            0,
            0),
        row(
            "malformed JSON answers",
            s -> {
              profiles(s).random(8, 0.05, Fault.malformedBody());
              s.faults().on(Endpoint.TASK_GET).random(9, 0.05, Fault.malformedBody());
            },
            normal,
            0,
            0),
        row(
            "a task that stays IN_PROGRESS forever",
            s -> profiles(s).next(Fault.taskStuck()),
            normal,
            50,
            0),
        row(
            "a task that ends FAILED",
            s -> profiles(s).next(Fault.taskFailed("internal error")),
            normal,
            0,
            50),
        row(
            "all of them mixed",
            s -> {
              profiles(s)
                  .random(
                      10,
                      0.08,
                      Fault.rateLimitedNoHeader(),
                      Fault.status(503),
                      Fault.resetBeforeProcessing(),
                      Fault.resetAfterProcessing(),
                      Fault.delay(Duration.ofMillis(700)),
                      Fault.malformedBody());
              s.faults()
                  .on(Endpoint.TASK_GET)
                  .random(
                      11,
                      0.04,
                      Fault.status(503),
                      Fault.malformedBody(),
                      Fault.resetBeforeProcessing());
            },
            Duration.ofMillis(300),
            0,
            0));
  }

  private static Arguments row(
      String name, Consumer<CsmSandbox> arm, Duration timeout, long unresolved, long failed) {
    return Arguments.of(new Row(name, arm, timeout, unresolved, failed));
  }

  private static io.github.csmkit.sandbox.Faults.EndpointFaults profiles(CsmSandbox s) {
    return s.faults().on(Endpoint.CUSTOMER_PROFILES);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void nothingLostNothingDuplicated(Row row) {
    try (CsmSandbox sandbox = CsmSandbox.builder().runsFor(Duration.ofMillis(5)).start();
        CsmClient csm =
            CsmClient.builder()
                .baseUri(sandbox.baseUri())
                .credentials(Credentials.bearer(sandbox.token()))
                .retryPolicy(
                    RetryPolicy.builder()
                        .maxAttempts(8)
                        .initialBackoff(Duration.ofMillis(5))
                        .maxBackoff(Duration.ofMillis(100))
                        .build())
                .attemptTimeout(row.attemptTimeout())
                .build()) {
      row.arm().accept(sandbox);
      long start = System.nanoTime();

      ImportReport<String> report =
          BulkImporter.builder(csm, BulkTarget.CUSTOMER_PROFILES)
              .jobId("faults")
              .maxTaskWait(Duration.ofSeconds(2))
              .initialTaskEstimate(Duration.ofMillis(10))
              .build()
              .run(SandboxImports.emails(RECORDS), SandboxImports::create);

      double seconds = (System.nanoTime() - start) / 1e9;
      ImportReport.Counts c = report.counts();
      List<CustomerSnapshot> customers = sandbox.customers();
      long duplicates =
          customers.stream().mapToLong(s -> sandbox.creationCount(s.email()) - 1).sum();
      Set<String> created = new HashSet<>();
      customers.forEach(s -> created.add(s.email()));
      Set<Long> notImported = new HashSet<>();
      report.failures().forEach(f -> notImported.add(f.index()));
      long lost = 0; // reported imported, yet not in CSM
      long misreported = 0; // in CSM, yet reported as not imported
      for (int i = 0; i < RECORDS; i++) {
        boolean reportedImported = !notImported.contains((long) i);
        boolean inCsm = created.contains(SandboxImports.email(i));
        lost += reportedImported && !inCsm ? 1 : 0;
        misreported += !reportedImported && inCsm ? 1 : 0;
      }
      TABLE.add(
          String.format(
              "| %s | %,d | %,d | %,d | %,d | %d | %d | %d | %,d | %.1f |",
              row.name(),
              c.read(),
              c.succeeded(),
              c.failed(),
              c.unresolved(),
              duplicates,
              lost,
              misreported,
              sandbox.requestCount(Endpoint.CUSTOMER_PROFILES)
                  + sandbox.requestCount(Endpoint.TASK_GET),
              seconds));

      assertThat(c.balanced()).as(c.toString()).isTrue();
      assertThat(c.read()).isEqualTo(RECORDS);
      assertThat(duplicates).isZero();
      assertThat(lost).isZero();
      assertThat(misreported).isZero();
      assertThat(c.unresolved()).isEqualTo(row.unresolved());
      assertThat(report.failures().stream().filter(f -> f.stage() == Stage.TASK_FAILED).count())
          .isEqualTo(row.taskFailed());
      assertThat(c.succeeded()).isEqualTo(RECORDS - row.unresolved() - row.taskFailed());
      assertThat(created).hasSize((int) c.succeeded());
      report.failures().stream()
          .filter(f -> f.stage() == Stage.UNRESOLVED)
          .forEach(f -> assertThat(f.taskId()).isPresent());
    }
  }

  @AfterAll
  static void printTable() {
    System.out.println(
        "\n| fault | records | imported | failed | unresolved | duplicates | lost | misreported | requests | seconds |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|");
    TABLE.forEach(System.out::println);
  }
}
