package io.github.csmkit.cli;

import io.github.csmkit.client.CsmClient;
import io.github.csmkit.hubspot.mapping.HubSpotMapping;
import io.github.csmkit.hubspot.mapping.RecordFilter;
import io.github.csmkit.hubspot.migration.HubSpotMigration;
import io.github.csmkit.hubspot.migration.MigrationListener;
import io.github.csmkit.hubspot.migration.MigrationReport;
import io.github.csmkit.hubspot.migration.SyncPlan;
import io.github.csmkit.hubspot.source.HubSpotCompany;
import io.github.csmkit.hubspot.source.HubSpotContact;
import io.github.csmkit.hubspot.source.RecordSource;
import io.github.csmkit.hubspot.state.SyncState;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * One migration as the command line runs it (migrate and demo): progress, report files, exit code.
 */
final class MigrationRun {
  HubSpotMapping mapping = HubSpotMapping.defaults();
  String jobId;
  Path journalDirectory;
  RecordFilter filter;
  Long testBatch;
  int maxInFlight = 5;
  double failureThreshold = 0.05;
  boolean stopOnFailureThreshold;
  Path reportFile;
  Path deadLettersFile;
  boolean dryRun;
  SyncState state;
  boolean retryFailed;
  OptionalLong customersTotal = OptionalLong.empty();

  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean quiet;
  private final boolean json;
  private final boolean terminal;

  MigrationRun(PrintWriter out, PrintWriter err, boolean quiet, boolean json, boolean terminal) {
    this.out = out;
    this.err = err;
    this.quiet = quiet;
    this.json = json;
    this.terminal = terminal;
  }

  /** Runs the migration, writes and prints its report, and returns the exit code. */
  int run(
      CsmClient csm,
      Supplier<? extends RecordSource<HubSpotCompany>> companies,
      Supplier<? extends RecordSource<HubSpotContact>> contacts) {
    ProgressPrinter progress =
        quiet ? null : new ProgressPrinter(err, terminal, customersTotal, stopOnFailureThreshold);
    HubSpotMigration.Builder b =
        HubSpotMigration.builder(csm)
            .mapping(mapping)
            .jobId(jobId)
            .maxInFlight(maxInFlight)
            .failureThreshold(failureThreshold)
            .stopOnFailureThreshold(stopOnFailureThreshold)
            .listener(progress == null ? MigrationListener.NONE : progress);
    if (journalDirectory != null) {
      b.journalDirectory(journalDirectory);
    }
    if (filter != null) {
      b.contactFilter(filter);
    }
    if (testBatch != null) {
      b.testBatch(testBatch);
    }
    if (state != null) {
      b.state(state).retryFailedOnly(retryFailed);
    }
    if (!quiet) {
      err.println(
          (dryRun ? "DRY RUN " : "")
              + "Migrating into "
              + csm.baseUri()
              + " as job "
              + jobId
              + (state != null ? ", state " + state.location() : ", no state"));
      err.flush();
    }
    MigrationReport report;
    try (RecordSource<HubSpotCompany> companySource = companies.get()) {
      report = b.build().run(companySource, contacts::get);
    } finally {
      if (progress != null) {
        progress.endLine();
      }
    }
    if (reportFile != null) {
      report.writeJson(reportFile);
    }
    if (deadLettersFile != null) {
      report.writeDeadLetters(deadLettersFile);
    }
    print(report);
    return verdict(report);
  }

  /** Prints the plan of a run with this state against {@code csm}'s site; sends nothing. */
  void printPlan(
      CsmClient csm,
      SyncState planState,
      String location,
      Supplier<? extends RecordSource<HubSpotCompany>> companies,
      Supplier<? extends RecordSource<HubSpotContact>> contacts) {
    HubSpotMigration.Builder b =
        HubSpotMigration.builder(csm).mapping(mapping).jobId(jobId).state(planState);
    if (filter != null) {
      b.contactFilter(filter);
    }
    if (testBatch != null) {
      b.testBatch(testBatch);
    }
    SyncPlan plan;
    try (RecordSource<HubSpotCompany> companySource = companies.get()) {
      plan = b.build().plan(companySource, contacts.get());
    }
    out.print(plan.summary().replace(planState.location(), location));
    out.flush();
  }

  private void print(MigrationReport report) {
    if (json) {
      out.println(json(report));
    } else {
      if (dryRun) {
        out.println("DRY RUN: nothing was written to CSM; this ran against an embedded sandbox.");
      }
      out.print(report.summary());
      out.printf(
          Locale.ROOT,
          "  failure rate: %.1f%% (threshold %.1f%%)%n",
          report.failureRate() * 100,
          failureThreshold * 100);
      if (reportFile != null) {
        out.println("Report: " + reportFile);
      }
      if (deadLettersFile != null) {
        out.println(
            "Dead letters: "
                + deadLettersFile
                + " ("
                + report.recordsNotImported()
                + " records not imported, "
                + report.duplicatesSkipped()
                + " duplicates)");
      }
    }
    out.flush();
  }

  static String json(MigrationReport report) {
    try {
      Path tmp = Files.createTempFile("csmkit-report", ".json");
      try {
        report.writeJson(tmp);
        return Files.readString(tmp, StandardCharsets.UTF_8).strip();
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report", e);
    }
  }

  /**
   * The exit code for a finished migration, with one line on stderr saying why when it is not 0.
   */
  int verdict(MigrationReport report) {
    Optional<String> stop = report.stopReason();
    int code;
    String why;
    if (stop.isPresent()) {
      String r = stop.get();
      code =
          r.contains("(401)")
                  || r.contains("(403)")
                  || r.contains("(412)")
                  || r.contains("(404)")
                  || r.contains("journal mismatch")
              ? ExitCode.CONFIG
              : r.contains("failure rate") ? ExitCode.FAILURES : ExitCode.STOPPED;
      why = "stopped: " + r;
    } else if (unresolved(report) > 0) {
      code = ExitCode.STOPPED;
      why =
          unresolved(report)
              + " records were sent but their tasks' end was not seen: run again to resume";
    } else if (report.failureRate() > failureThreshold) {
      code = ExitCode.FAILURES;
      why =
          String.format(
              Locale.ROOT,
              "%.1f%% of the records did not import, above the threshold %.1f%%",
              report.failureRate() * 100,
              failureThreshold * 100);
    } else if (!report.verification().passed()) {
      code = ExitCode.FAILURES;
      why =
          "verification found "
              + (report.verification().problems().size()
                  + report.verification().organizationsMissing().size())
              + " problems";
    } else {
      return ExitCode.OK;
    }
    err.println("csmkit: " + why);
    err.flush();
    return code;
  }

  private static long unresolved(MigrationReport report) {
    return report.organizations().map(r -> r.counts().unresolved()).orElse(0L)
        + report.customers().map(r -> r.counts().unresolved()).orElse(0L);
  }
}
