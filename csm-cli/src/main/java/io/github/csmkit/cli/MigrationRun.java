package io.github.csmkit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.csmkit.cli.report.BatchLogFile;
import io.github.csmkit.cli.report.HtmlReport;
import io.github.csmkit.cli.report.ReportDocument;
import io.github.csmkit.cli.report.ReportDocument.Outcome;
import io.github.csmkit.cli.report.RunFolder;
import io.github.csmkit.cli.report.RunSummary;
import io.github.csmkit.client.CsmClient;
import io.github.csmkit.hubspot.mapping.HubSpotMapping;
import io.github.csmkit.hubspot.mapping.RecordFilter;
import io.github.csmkit.hubspot.migration.HubSpotMigration;
import io.github.csmkit.hubspot.migration.HubSpotSyncReport;
import io.github.csmkit.hubspot.migration.MigrationFailure;
import io.github.csmkit.hubspot.migration.MigrationListener;
import io.github.csmkit.hubspot.migration.MigrationReport;
import io.github.csmkit.hubspot.migration.SyncPlan;
import io.github.csmkit.hubspot.source.HubSpotCompany;
import io.github.csmkit.hubspot.source.HubSpotContact;
import io.github.csmkit.hubspot.source.RecordSource;
import io.github.csmkit.hubspot.state.SyncState;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One migration as the command line runs it (migrate and demo): progress, the run folder and its
 * files, the summary and the exit code.
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

  /**
   * Where a new run folder is made ({@code csmkit-runs}); ignored when {@link #runFolder} is set.
   */
  Path runsDirectory = Path.of("csmkit-runs");

  /** A fixed run folder (the demo's output); null for a new one under {@link #runsDirectory}. */
  Path runFolder;

  /** What the job read and how, for the report's settings (never a token). */
  final Map<String, Object> inputs = new LinkedHashMap<>();

  /** The --where expressions as given, for the settings. */
  final List<String> whereExpressions = new ArrayList<>();

  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean quiet;
  private final boolean json;
  private final ProgressMode progressMode;
  private final boolean stderrIsTerminal;

  MigrationRun(
      PrintWriter out,
      PrintWriter err,
      boolean quiet,
      boolean json,
      ProgressMode progressMode,
      boolean stderrIsTerminal) {
    this.out = out;
    this.err = err;
    this.quiet = quiet;
    this.json = json;
    this.progressMode = progressMode;
    this.stderrIsTerminal = stderrIsTerminal;
  }

  /** Runs the migration, writes its run folder, prints its summary and returns the exit code. */
  int run(
      CsmClient csm,
      Supplier<? extends RecordSource<HubSpotCompany>> companies,
      Supplier<? extends RecordSource<HubSpotContact>> contacts) {
    Instant started = Instant.now();
    String target = csm.baseUri().toString();
    // the folder first: a run that cannot write its record must not start writing to CSM
    RunFolder folder =
        runFolder != null
            ? RunFolder.at(runFolder)
            : RunFolder.create(runsDirectory, jobId, started);
    Path journal = journalDirectory;
    Optional<Path> resumed = Optional.empty();
    if (journal == null && runFolder == null) {
      journal = folder.journal();
      if (!dryRun) {
        resumed = folder.resumeFrom(runsDirectory, jobId, target);
      }
    }
    ObjectNode settings = settings(target, journal);
    folder.writeStart(settings, started);

    ProgressPrinter progress = progress();
    HubSpotMigration.Builder b =
        HubSpotMigration.builder(csm)
            .mapping(mapping)
            .jobId(jobId)
            .maxInFlight(maxInFlight)
            .failureThreshold(failureThreshold)
            .stopOnFailureThreshold(stopOnFailureThreshold)
            .dryRun(dryRun)
            .interruptGrace(Main.INTERRUPT_GRACE)
            .listener(progress == null ? MigrationListener.NONE : progress);
    if (journal != null) {
      b.journalDirectory(journal);
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
              + target
              + " as job "
              + jobId
              + (state != null ? ", state " + state.location() : ", no state"));
      resumed.ifPresent(r -> err.println("Resuming from the journal of " + r));
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
    // Ctrl-C interrupts this thread, and the migration leaves the flag set: cleared here, or the
    // files below (written through interruptible channels) could not be written
    boolean interrupted = Thread.interrupted();

    return record(folder, settings, journal, report, outcome(report, interrupted), null);
  }

  /**
   * Runs one sync (the state, target and HubSpot client are in {@code sync}), writes its run folder
   * like a migration's with the sync's own facts under {@code hubspotSync}, prints its summary and
   * returns the exit code.
   */
  int runSync(CsmClient csm, Function<MigrationListener, HubSpotSyncReport> sync) {
    Instant started = Instant.now();
    String target = csm.baseUri().toString();
    RunFolder folder = RunFolder.create(runsDirectory, jobId, started);
    ObjectNode settings = settings(target, null);
    folder.writeStart(settings, started);
    ProgressPrinter progress = progress();
    if (!quiet) {
      err.println(
          "Syncing HubSpot into " + target + " as job " + jobId + ", state " + state.location());
      err.flush();
    }
    HubSpotSyncReport result;
    try {
      result = sync.apply(progress == null ? MigrationListener.NONE : progress);
    } finally {
      if (progress != null) {
        progress.endLine();
      }
    }
    // as for a migration: Ctrl-C leaves the flag set, and the files below need it clear
    boolean interrupted = Thread.interrupted();
    ObjectNode facts = SyncJson.of(result);
    Optional<MigrationReport> report = result.migration();
    // the migration's own outcome, unless it is a success the sync's stop overrides (the daily
    // limit, a watermark held back); a sync without a migration always has a stop reason
    Outcome outcome =
        report
            .map(r -> outcome(r, interrupted))
            .filter(o -> o.exitCode() != ExitCode.OK || result.stopReason().isEmpty())
            .orElseGet(
                () ->
                    new Outcome(
                        "stopped",
                        ExitCode.STOPPED,
                        "stopped: " + result.stopReason().orElse("before the migration")));
    if (report.isEmpty()) {
      Path file = folder.file(RunFolder.REPORT);
      ObjectNode doc = ReportDocument.writeWithoutMigration(file, tool(), outcome, settings, facts);
      HtmlReport.write(folder.file("report.html"), doc, List.of());
      if (json) {
        out.println(ReportDocument.toJson(doc));
      } else {
        out.print(result.summary());
        out.println("Report: " + file);
        out.println("Run folder: " + folder.dir() + " (open report.html in a browser)");
      }
      out.flush();
      err.println("csmkit: " + outcome.reason());
      err.flush();
      return outcome.exitCode();
    }
    if (!json) {
      out.print(result.summary());
    }
    return record(folder, settings, null, report.get(), outcome, facts);
  }

  private ProgressPrinter progress() {
    return quiet || progressMode == ProgressMode.NONE
        ? null
        : new ProgressPrinter(
            err, progressMode.redraws(stderrIsTerminal), customersTotal, stopOnFailureThreshold);
  }

  private static String tool() {
    return "csmkit " + CsmClient.version();
  }

  /** Writes the run folder's files of a finished migration, prints, returns the exit code. */
  private int record(
      RunFolder folder,
      ObjectNode settings,
      Path journal,
      MigrationReport report,
      Outcome outcome,
      ObjectNode syncFacts) {
    Path reportPath = reportFile != null ? reportFile : folder.file(RunFolder.REPORT);
    Path deadLetters = deadLettersFile != null ? deadLettersFile : folder.file("dead-letters.csv");
    Path batches = folder.file("batches.jsonl");
    Path html = folder.file("report.html");
    Map<String, String> files = new LinkedHashMap<>();
    files.put("runFolder", folder.dir().toString());
    files.put("report", reportPath.toString());
    files.put("html", html.toString());
    files.put("deadLetters", deadLetters.toString());
    files.put("batchLog", batches.toString());
    if (journal != null) {
      files.put("journal", journal.toString());
    }
    report.writeDeadLetters(deadLetters);
    BatchLogFile.write(batches, report);
    ObjectNode doc = ReportDocument.write(reportPath, report, tool(), outcome, settings, files);
    if (syncFacts != null) {
      ReportDocument.addSection(reportPath, doc, "hubspotSync", syncFacts);
    }
    HtmlReport.write(html, doc, BatchLogFile.read(batches));
    if (reportFile != null) {
      // the run folder keeps its own copy, so that 'csmkit report' and 'csmkit runs' find it
      ReportDocument.write(folder.file(RunFolder.REPORT), report, tool(), outcome, settings, files);
    }
    print(doc, folder, reportPath, deadLetters, report);
    if (outcome.reason() != null) {
      err.println("csmkit: " + outcome.reason());
      err.flush();
    }
    return outcome.exitCode();
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

  private ObjectNode settings(String target, Path journal) {
    ObjectNode s = JsonNodeFactory.instance.objectNode();
    s.put("jobId", jobId).put("target", target).put("dryRun", dryRun);
    inputs.forEach((k, v) -> s.put(k, String.valueOf(v)));
    if (!whereExpressions.isEmpty()) {
      ArrayNode where = s.putArray("where");
      whereExpressions.forEach(where::add);
    }
    if (testBatch != null) {
      s.put("testBatch", testBatch);
    }
    s.put("maxInFlight", maxInFlight)
        .put("failureThreshold", failureThreshold)
        .put("stopOnFailureThreshold", stopOnFailureThreshold);
    if (journal != null) {
      s.put("journal", journal.toString());
    }
    if (state != null) {
      s.put("state", state.location()).put("retryFailed", retryFailed);
    }
    return s;
  }

  private void print(
      ObjectNode doc, RunFolder folder, Path reportPath, Path deadLetters, MigrationReport r) {
    if (json) {
      out.println(ReportDocument.toJson(doc));
    } else {
      out.print(RunSummary.text(doc));
      r.sync().ifPresent(sync -> out.print(sync.summary()));
      out.println("Report: " + reportPath);
      out.println(
          "Dead letters: "
              + deadLetters
              + " ("
              + r.recordsNotImported()
              + " records not imported, "
              + r.duplicatesSkipped()
              + " duplicates)");
      out.println("Run folder: " + folder.dir() + " (open report.html in a browser)");
    }
    out.flush();
  }

  /**
   * The exit code for a migration that ended, and why when it is not 0: an interrupt anywhere is 4,
   * a failure in a phase is what its error would be on its own (401 is 3, say), then the import
   * phases' own stops, unresolved tasks, the threshold and verification.
   */
  Outcome outcome(MigrationReport report, boolean interrupted) {
    Optional<MigrationFailure> failure = report.failure();
    if (interrupted || failure.map(MigrationFailure::interrupted).orElse(false)) {
      return new Outcome(
          "stopped",
          ExitCode.STOPPED,
          "interrupted: " + report.stopReason().orElse("the run was interrupted"));
    }
    if (failure.isPresent() && report.stopReason().equals(Optional.of(failure.get().message()))) {
      Throwable cause = failure.get().cause();
      int code = Errors.exitCode(cause);
      return new Outcome(
          code == ExitCode.FAILURES ? "failed" : "stopped",
          code,
          Errors.message(cause)
              + " (in the "
              + failure.get().phase().name().toLowerCase(Locale.ROOT).replace('_', ' ')
              + " phase: the report has what was done before"
              + (report.phasesNotReached().isEmpty() ? "" : ", and the phases not reached")
              + ")");
    }
    Optional<String> stop = report.stopReason();
    if (stop.isPresent()) {
      String r = stop.get();
      int code =
          r.contains("(401)")
                  || r.contains("(403)")
                  || r.contains("(412)")
                  || r.contains("(404)")
                  || r.contains("journal mismatch")
              ? ExitCode.CONFIG
              : r.contains("failure rate") ? ExitCode.FAILURES : ExitCode.STOPPED;
      return new Outcome(code == ExitCode.FAILURES ? "failed" : "stopped", code, "stopped: " + r);
    }
    if (unresolved(report) > 0) {
      return new Outcome(
          "stopped",
          ExitCode.STOPPED,
          unresolved(report)
              + " records were sent but their tasks' end was not seen: run again to resume");
    }
    if (report.failureRate() > failureThreshold) {
      return new Outcome(
          "failed",
          ExitCode.FAILURES,
          String.format(
              Locale.ROOT,
              "%.1f%% of the records did not import, above the threshold %.1f%%",
              report.failureRate() * 100,
              failureThreshold * 100));
    }
    if (!report.verification().passed()) {
      return new Outcome(
          "failed",
          ExitCode.FAILURES,
          report.verification().customersChecked() == 0
              ? "verification checked 0 of the "
                  + report.verification().customersImported()
                  + " customers imported: nothing was confirmed in CSM"
              : "verification found "
                  + (report.verification().problems().size()
                      + report.verification().organizationsMissing().size())
                  + " problems");
    }
    return new Outcome("succeeded", ExitCode.OK, null);
  }

  private static long unresolved(MigrationReport report) {
    return report.organizations().map(r -> r.counts().unresolved()).orElse(0L)
        + report.customers().map(r -> r.counts().unresolved()).orElse(0L);
  }
}
