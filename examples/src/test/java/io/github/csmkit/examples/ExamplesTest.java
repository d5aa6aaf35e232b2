package io.github.csmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example's main runs to the end against its embedded sandbox and prints its key result. */
class ExamplesTest {
  static Stream<Arguments> examples() {
    return Stream.of(
        Arguments.of(CustomerProfilesExample.class, new String[] {"FINISHED, 0 failures"}),
        Arguments.of(
            OrganizationsExample.class,
            new String[] {"Organizations: task FINISHED, 0 failures; ids {"}),
        Arguments.of(
            DetailValuesExample.class,
            new String[] {"Support Tier of ana.lima@example.com = [Premium]"}),
        Arguments.of(
            CustomerAccountsExample.class,
            new String[] {"Customer accounts: task FINISHED, 0 failures; 3 customers found"}),
        Arguments.of(
            ErrorHandlingExample.class,
            new String[] {
              "51 accounts refused",
              "CREATE without email refused",
              "Wrong token: 401",
              "Submitted after rate limiting: task FINISHED",
              "Rate limited (429): retry after 2 s"
            }),
        Arguments.of(
            DeduplicationExample.class,
            new String[] {
              "duplicate: contact 3", "Kept 3 of 4 contacts", "Imported: task FINISHED"
            }),
        Arguments.of(
            PhasedMigrationExample.class,
            new String[] {
              "Phase 1: 100 of 100 imported, 2 of 2 checked found", "Phase 2: 150 of 150 imported"
            }),
        Arguments.of(
            DeadLetterQueueExample.class,
            new String[] {
              "Dead letters: 6 records",
              "ALERT: high failure rate in CSM migration: 6%",
              "To retry after fixing them: 6 records"
            }),
        Arguments.of(
            FieldMappingExample.class,
            new String[] {"support-tier=[Connected] lifecycle=[Customer] Renewal=[2026-12-31]"}),
        Arguments.of(
            HubSpotSyncExample.class,
            new String[] {
              "First sync: full read, 2 created, 0 updated, 0 unchanged",
              "Second sync: incremental read, 0 created, 1 updated, 0 unchanged"
            }),
        Arguments.of(
            FilteredImportExample.class,
            new String[] {"Filtered import: 2 customers imported, 4 contacts excluded"}),
        Arguments.of(
            FullMigrationExample.class,
            new String[] {
              "customers: 6 read, 5 imported", "Verification passed: true; records not imported: 1"
            }),
        Arguments.of(
            CrashResumeExample.class,
            new String[] {
              "stopped: reading the input failed",
              "Resumed run: 300 of 300",
              "Created once each: true"
            }));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void runsAndPrintsItsResult(Class<?> example, String[] expected) throws Exception {
    Assumptions.assumeTrue(
        System.getenv("CSM_BASE_URL") == null, "examples are checked against the sandbox");
    Method main = example.getMethod("main", String[].class);
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      main.invoke(null, (Object) new String[0]);
    } finally {
      System.setOut(original);
    }
    String out = captured.toString(StandardCharsets.UTF_8);
    original.print(out);
    assertThat(out).contains(expected);
  }
}
