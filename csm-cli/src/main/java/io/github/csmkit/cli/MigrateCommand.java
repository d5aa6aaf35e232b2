package io.github.csmkit.cli;

import io.github.csmkit.client.CsmClient;
import io.github.csmkit.hubspot.mapping.HubSpotMapping;
import io.github.csmkit.hubspot.mapping.RecordFilter;
import io.github.csmkit.hubspot.source.HubSpotApiClient;
import io.github.csmkit.hubspot.source.HubSpotCompany;
import io.github.csmkit.hubspot.source.HubSpotContact;
import io.github.csmkit.hubspot.source.RecordSource;
import io.github.csmkit.hubspot.source.SourceRecord;
import io.github.csmkit.hubspot.state.StateLockedException;
import io.github.csmkit.hubspot.state.SyncState;
import io.github.csmkit.sandbox.CsmSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code csmkit migrate}: HubSpot contacts and companies into CSM, the guide's whole migration. */
@Command(
    name = "migrate",
    sortOptions = false,
    usageHelpAutoWidth = true,
    mixinStandardHelpOptions = true,
    description = {
      "Migrates HubSpot companies and contacts into CSM: detail fields, then organizations, then "
          + "customers with their organizations, then verification. A rerun with the same input resumes "
          + "(same job id: same idempotency keys, nothing is created twice).",
      "The token comes from an environment variable (--token-env, default CSM_TOKEN) or a file "
          + "(--token-file); it is never taken as an argument and never printed.",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  csmkit migrate --contacts contacts.csv --companies companies.csv --dry-run",
      "  CSM_CLOUD_ID=<cloud-id> CSM_TOKEN=<token> csmkit migrate --contacts contacts.csv"
          + " --companies companies.csv --test-batch 100",
      "",
      "Each run writes csmkit-runs/<timestamp>-<job-id>/ (report.html to open in a browser);"
          + " 'csmkit runs' lists them."
    })
final class MigrateCommand extends BaseCommand {
  /** The job id of a migration with a state, unless --job-id names another. */
  static final String DEFAULT_JOB_ID = "csmkit-hubspot";

  @Option(
      names = "--contacts",
      paramLabel = "FILE",
      description = "HubSpot contacts: a UI CSV export, or CRM v3 JSON / JSON Lines.")
  Path contacts;

  @Option(
      names = "--companies",
      paramLabel = "FILE",
      description = "HubSpot companies: a UI CSV export, or CRM v3 JSON / JSON Lines.")
  Path companies;

  @Option(
      names = "--hubspot-token-env",
      paramLabel = "VAR",
      description =
          "Read contacts and companies from the live HubSpot API, with the private-app token in this environment variable.")
  String hubspotTokenEnv;

  @Mixin TargetOptions targetOptions = new TargetOptions();

  @Option(
      names = "--mapping",
      paramLabel = "FILE",
      description =
          "Mapping file (YAML, or JSON by extension); default: the guide's mapping (see 'csmkit mapping init').")
  Path mapping;

  @Option(
      names = "--job-id",
      paramLabel = "ID",
      description =
          "Names the migration in the state (e.g. the HubSpot portal). Default: csmkit-hubspot, so the same command rerun on an edited export finds the same state; with --no-state, derived from the input files' names and sizes.")
  String jobId;

  @Option(
      names = "--state",
      paramLabel = "PATH|JDBC-URL",
      description =
          "The sync state: a SQLite file or a JDBC URL (jdbc:postgresql://...; credentials from PGUSER/PGPASSWORD). Default: "
              + SyncState.DEFAULT_FILE_NAME
              + " in the working directory. Every run after the first sends only what changed.")
  String state;

  @Option(
      names = "--no-state",
      description = "A one-shot import without a state (every record is sent).")
  boolean noState;

  @Option(
      names = "--retry-failed",
      description = "Send only the records whose last attempt failed or was rejected.")
  boolean retryFailed;

  @Option(
      names = "--journal",
      paramLabel = "DIR",
      description =
          "Journal directory, for a run without a state (given alone, it implies --no-state):"
              + " finished batches are recorded there and skipped when the migration is run again."
              + " Default without a state: the run folder's journal/, started from the latest"
              + " earlier run of the same job and target.")
  Path journal;

  @Option(
      names = "--where",
      paramLabel = "EXPR",
      description =
          "Only contacts matching PROPERTY(=|!=|~|!~)VALUE, e.g. lifecyclestage=customer; repeat for AND.")
  List<String> where = new ArrayList<>();

  @Option(
      names = "--test-batch",
      paramLabel = "N",
      description = "Migrate only the first N selected contacts (the guide's phase 1).")
  Long testBatch;

  @Option(
      names = "--dry-run",
      description =
          "Print the plan (what would be created, updated by field, left unchanged, retried and reported gone, from the state and the input), then rehearse the migration against an embedded sandbox: NOTHING is written to CSM or to the state.")
  boolean dryRun;

  @Option(
      names = "--max-in-flight",
      paramLabel = "N",
      defaultValue = "5",
      description = "Tasks in flight at once (default: ${DEFAULT-VALUE}; the tenant's task limit).")
  int maxInFlight;

  @Option(
      names = "--failure-threshold",
      paramLabel = "P",
      description =
          "Stop when more than P of the records fail: a percentage with its sign (5%%) or a fraction (0.05); a bare 5 is refused. Without it: alert at 5%% and exit 1 above it.")
  String failureThreshold;

  @Option(
      names = "--runs-dir",
      paramLabel = "DIR",
      defaultValue = "csmkit-runs",
      description =
          "Each run gets a folder <timestamp>-<job-id> here, with report.json, report.html,"
              + " dead-letters.csv, batches.jsonl and journal/ (default: ./${DEFAULT-VALUE}).")
  Path runsDirectory;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description = "Also write the report as JSON to FILE (the run folder keeps its copy).")
  Path report;

  @Option(
      names = "--dead-letters",
      paramLabel = "FILE",
      description =
          "Write every record that did not import, with the reason, as CSV to FILE instead of the"
              + " run folder.")
  Path deadLetters;

  @Mixin ProgressOption progress = new ProgressOption();

  @Option(
      names = {"-y", "--yes"},
      description = "Do not ask before writing to a real site (a non-interactive run never asks).")
  boolean yes;

  @Override
  public Integer call() {
    contacts = inWorkingDirectory(contacts);
    companies = inWorkingDirectory(companies);
    mapping = inWorkingDirectory(mapping);
    journal = inWorkingDirectory(journal);
    report = inWorkingDirectory(report);
    deadLetters = inWorkingDirectory(deadLetters);
    if (hubspotTokenEnv != null && (contacts != null || companies != null)) {
      throw CliException.usage(
          "give --contacts/--companies files or --hubspot-token-env, not both");
    }
    if (hubspotTokenEnv == null && contacts == null) {
      throw CliException.usage(
          "no input: give --contacts FILE (and --companies FILE), or --hubspot-token-env VAR");
    }
    if (contacts != null) {
      Inputs.requireReadable(contacts, "--contacts");
    }
    if (companies != null) {
      Inputs.requireReadable(companies, "--companies");
    }
    if (testBatch != null && testBatch < 1) {
      throw CliException.usage("--test-batch must be at least 1");
    }
    if (noState && (state != null || retryFailed)) {
      throw CliException.usage("--no-state cannot be combined with --state or --retry-failed");
    }
    if (maxInFlight < 1 || maxInFlight > 100) {
      throw CliException.usage("--max-in-flight must be 1 to 100: " + maxInFlight);
    }
    if (jobId != null && (jobId.isBlank() || jobId.length() > 80)) {
      throw CliException.usage("--job-id must be 1 to 80 characters, not blank");
    }
    OutputPaths.requireWritableFile(report, "--report");
    OutputPaths.requireWritableFile(deadLetters, "--dead-letters");
    OutputPaths.requireWritableFolder(journal, "--journal");
    OutputPaths.requireWritableFolder(
        root().workingDirectory().resolve(runsDirectory), "--runs-dir");

    if (dryRun) {
      // loud even with --quiet: a dry run must never be mistaken for the real thing
      err()
          .println(
              "DRY RUN: the migration runs against an embedded sandbox. NOTHING is written to CSM"
                  + (targetOptions.hasTarget()
                      ? " (the target and token options are ignored)."
                      : "."));
      err().flush();
    }
    // the target and token first: a configuration error should not wait for the input to be read
    boolean oneShot = noState || (journal != null && state == null);
    // a dry run sends nothing to the target: with a state it only plans against the site's state
    try (CsmClient target =
        !dryRun
            ? targetOptions.client(env())
            : oneShot || !targetOptions.hasTarget() ? null : targetOptions.siteOnly(env())) {
      return migrate(target);
    }
  }

  /** The state's location: a JDBC URL as given, else a file resolved in the working directory. */
  private String stateLocation() {
    String s = state != null ? state : SyncState.DEFAULT_FILE_NAME;
    return s.startsWith("jdbc:")
        ? s
        : root().workingDirectory().resolve(s).toAbsolutePath().normalize().toString();
  }

  private int migrate(CsmClient target) {
    MigrationRun run =
        new MigrationRun(out(), err(), quiet, json, progress.mode, root().terminal());
    run.runsDirectory = root().workingDirectory().resolve(runsDirectory);
    run.whereExpressions.addAll(where);
    if (contacts != null) {
      run.inputs.put("contacts", contacts);
    }
    if (companies != null) {
      run.inputs.put("companies", companies);
    }
    if (hubspotTokenEnv != null) {
      run.inputs.put("source", "the HubSpot API (token in $" + hubspotTokenEnv + ")");
    }
    if (mapping != null) {
      run.inputs.put("mapping", mapping);
    }
    if (failureThreshold != null) {
      run.failureThreshold = parseThreshold(failureThreshold);
      run.stopOnFailureThreshold = true;
    }
    if (!where.isEmpty()) {
      try {
        run.filter = RecordFilter.parse(where);
      } catch (IllegalArgumentException e) {
        throw CliException.usage("--where: " + e.getMessage());
      }
    }
    if (mapping != null) {
      Inputs.requireReadable(mapping, "--mapping");
      run.mapping = HubSpotMapping.load(mapping);
    }
    run.jobId =
        jobId != null
            ? jobId
            : !noState && (journal == null || state != null)
                ? DEFAULT_JOB_ID
                : hubspotTokenEnv != null
                    ? "csmkit-hubspot-" + LocalDate.now(ZoneOffset.UTC)
                    : Inputs.defaultJobId(contacts, companies);
    run.journalDirectory = journal;
    run.testBatch = testBatch;
    run.maxInFlight = maxInFlight;
    run.reportFile = report;
    run.deadLettersFile = deadLetters;
    run.dryRun = dryRun;

    Supplier<RecordSource<HubSpotCompany>> companySource;
    Supplier<RecordSource<HubSpotContact>> contactSource;
    if (hubspotTokenEnv != null) {
      String token = env().get(hubspotTokenEnv);
      if (token == null || token.isBlank()) {
        throw CliException.config(
            "no HubSpot token: the environment variable " + hubspotTokenEnv + " is not set");
      }
      HubSpotApiClient hubspot = HubSpotApiClient.builder().token(token.strip()).build();
      HubSpotMapping m = run.mapping;
      companySource = () -> hubspot.companies(m.companyProperties());
      contactSource = () -> hubspot.contacts(m.contactProperties());
    } else {
      companySource = companies == null ? EmptySource::new : () -> Inputs.companies(companies);
      contactSource = () -> Inputs.contacts(contacts);
      if (run.filter == null) {
        long n = Inputs.count(Inputs.contacts(contacts));
        if (n >= 0) {
          run.customersTotal = OptionalLong.of(testBatch == null ? n : Math.min(n, testBatch));
        }
      }
    }

    if (noState || (journal != null && state == null)) {
      // --journal alone keeps the one-shot import it always was
      return rehearseOrRun(run, target, companySource, contactSource);
    }
    String location = stateLocation();
    if (dryRun) {
      int code = rehearseOrRun(run, target, companySource, contactSource);
      if (target != null) {
        boolean exists = location.startsWith("jdbc:") || Files.exists(Path.of(location));
        // a plan writes nothing: without a state file yet, it plans against an empty one
        try (SyncState plan = SyncState.open(exists ? location : "jdbc:sqlite::memory:")) {
          run.printPlan(
              target,
              plan,
              exists ? location : location + " (not created yet)",
              companySource,
              contactSource);
        }
      } else {
        err()
            .println("No plan: give the target (--base-url or --cloud-id) to plan with its state.");
      }
      return code;
    }
    try (SyncState syncState = SyncState.open(location)) {
      run.state = syncState;
      run.retryFailed = retryFailed;
      return rehearseOrRun(run, target, companySource, contactSource);
    } catch (StateLockedException e) {
      throw CliException.config(e.getMessage());
    }
  }

  private int rehearseOrRun(
      MigrationRun run,
      CsmClient target,
      Supplier<RecordSource<HubSpotCompany>> companySource,
      Supplier<RecordSource<HubSpotContact>> contactSource) {
    if (dryRun) {
      try (CsmSandbox sandbox = CsmSandbox.builder().runsFor(Duration.ofMillis(20)).start();
          CsmClient csm =
              CsmClient.builder()
                  .baseUri(sandbox.baseUri())
                  .credentials(io.github.csmkit.client.Credentials.bearer(sandbox.token()))
                  .build()) {
        return run.run(csm, companySource, contactSource);
      }
    }
    confirm(target, run.jobId, run.customersTotal);
    return run.run(target, companySource, contactSource);
  }

  /**
   * On an interactive terminal, shows what is about to be written where and asks; --yes and a
   * non-interactive run never ask (a dry run never gets here). A local address asks too: it may be
   * a tunnel or proxy to a real site.
   */
  private void confirm(CsmClient target, String job, OptionalLong contactsTotal) {
    Prompt prompt = root().prompt();
    if (yes || prompt == null) {
      return;
    }
    StringBuilder plan =
        new StringBuilder("About to write to CSM at ")
            .append(target.baseUri())
            .append(" as job ")
            .append(job)
            .append(":\n");
    if (hubspotTokenEnv != null) {
      plan.append("  contacts and companies: from the HubSpot API\n");
    } else {
      plan.append("  contacts: ")
          .append(contactsTotal.isPresent() ? contactsTotal.getAsLong() + " records" : "selected")
          .append(" from ")
          .append(contacts)
          .append(where.isEmpty() ? "" : " matching " + String.join(" and ", where))
          .append('\n');
      if (companies != null) {
        plan.append("  companies: ")
            .append(Inputs.count(Inputs.companies(companies)))
            .append(" records from ")
            .append(companies)
            .append('\n');
      }
    }
    plan.append("Detail fields and organizations are created first, then customers.\n");
    String answer = prompt.ask(plan + "Write to this site? [y/N] ");
    if (answer == null || !answer.strip().toLowerCase(Locale.ROOT).matches("y|yes")) {
      throw new CliException(ExitCode.STOPPED, "not confirmed: nothing was written to CSM");
    }
  }

  /** A relative path as the command's working directory sees it (the process's, outside tests). */
  private Path inWorkingDirectory(Path p) {
    return p == null ? null : root().workingDirectory().resolve(p);
  }

  /** "5%", "5" (percent, when above 1) or "0.05" (a fraction). */
  /**
   * A percentage with its sign ({@code 5%}) or a fraction with its point ({@code 0.05}); a bare
   * number such as {@code 5} or {@code 1} is refused, as it could mean either.
   *
   * @throws CliException a usage error for anything else, or a value above 100%
   */
  static double parseThreshold(String s) {
    String t = s.strip();
    boolean percent = t.endsWith("%");
    if (percent) {
      t = t.substring(0, t.length() - 1).strip();
    }
    String how = " (write a percentage with its sign, 5%, or a fraction, 0.05)";
    if (!t.matches(percent ? "\\d+(\\.\\d+)?" : "\\d*\\.\\d+")) {
      throw CliException.usage(
          "--failure-threshold: '"
              + s
              + "' is "
              + (t.matches("\\d+") ? "ambiguous" : "not a number")
              + how);
    }
    double v = Double.parseDouble(t) / (percent ? 100 : 1);
    if (v > 1) {
      throw CliException.usage("--failure-threshold must be between 0 and 100%: '" + s + "'");
    }
    return v;
  }

  /** No companies file: the organizations come from the contacts' company names alone. */
  static final class EmptySource implements RecordSource<HubSpotCompany> {
    @Override
    public Iterator<SourceRecord<HubSpotCompany>> iterator() {
      return Collections.emptyIterator();
    }

    @Override
    public void close() {}
  }
}
