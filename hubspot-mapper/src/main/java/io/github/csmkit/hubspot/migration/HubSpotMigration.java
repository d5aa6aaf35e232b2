package io.github.csmkit.hubspot.migration;

import io.github.csmkit.client.CsmClient;
import io.github.csmkit.hubspot.mapping.HubSpotMapping;
import io.github.csmkit.hubspot.mapping.Mapper;
import io.github.csmkit.hubspot.mapping.RecordFilter;
import io.github.csmkit.hubspot.migration.MigrationListener.Phase;
import io.github.csmkit.hubspot.source.HubSpotCompany;
import io.github.csmkit.hubspot.source.HubSpotContact;
import io.github.csmkit.hubspot.source.SourceRecord;
import io.github.csmkit.hubspot.state.RunStatus;
import io.github.csmkit.hubspot.state.SyncRun;
import io.github.csmkit.hubspot.state.SyncState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The guide's whole migration, in its order: the detail fields the mapping needs, then
 * organizations (skipping those CSM already has), then customers with their organizations, then
 * verification. Each import phase runs on the bulk import engine, so every record is accounted for,
 * keys are deterministic per job, and journals make a crashed run resumable.
 *
 * <pre>{@code
 * MigrationReport report = HubSpotMigration.builder(csm)
 *     .jobId("hubspot-2026-11")
 *     .journalDirectory(Path.of("journals"))
 *     .build()
 *     .run(CsvExportSource.companies(companiesCsv), () -> CsvExportSource.contacts(contactsCsv));
 * }</pre>
 */
public final class HubSpotMigration {
  private final CsmClient csm;
  private final MigrationSettings settings;

  private HubSpotMigration(CsmClient csm, MigrationSettings settings) {
    this.csm = csm;
    this.settings = settings;
  }

  /** A builder for a migration into the CSM site (or sandbox) {@code csm} points at. */
  public static Builder builder(CsmClient csm) {
    return new Builder(csm);
  }

  /**
   * Runs the migration.
   *
   * @param companies the companies, read once; may be empty
   * @param contacts opens the contacts; called twice when organizations are also taken from the
   *     contacts' company names or the latest of several contacts with one email is kept (once to
   *     scan, once to import), else once
   * @return what every phase did with every record
   * @throws io.github.csmkit.client.bulk.JournalMismatchException when a journal belongs to another
   *     job or input
   */
  public MigrationReport run(
      Iterable<SourceRecord<HubSpotCompany>> companies,
      Supplier<? extends Iterable<SourceRecord<HubSpotContact>>> contacts) {
    if (settings.state().isEmpty()) {
      return run(companies, contacts, Optional.empty());
    }
    SyncState state = settings.state().get();
    // the site as the client addresses it: the cloud id is part of the base URI
    try (SyncRun syncRun = state.beginRun(settings.jobId(), csm.baseUri().toString(), false)) {
      MigrationReport report = run(companies, contacts, Optional.of(syncRun));
      // a run that throws stays RUNNING, and the next run resumes it with the same keys
      SyncCounts total = report.sync().map(SyncSection::total).orElse(SyncCounts.ZERO);
      syncRun.finish(
          report.stopReason().isPresent() ? RunStatus.ABORTED : RunStatus.COMPLETED,
          total.toRunCounts());
      return report;
    }
  }

  private MigrationReport run(
      Iterable<SourceRecord<HubSpotCompany>> companies,
      Supplier<? extends Iterable<SourceRecord<HubSpotContact>>> contacts,
      Optional<SyncRun> syncRun) {
    MigrationReport.Builder report =
        new MigrationReport.Builder(settings.jobId(), Instant.now(Clock.systemUTC()));
    MigrationListener listener = settings.listener();
    // with a state, the keys derive from the run id: unique to the run, stable across its resume
    PhaseImporters importers =
        new PhaseImporters(csm, settings, syncRun.map(SyncRun::runId).orElse(settings.jobId()));
    SyncParts sync = new SyncParts(settings, syncRun);

    if (settings.createDetailFields()) {
      listener.phaseStarted(Phase.DETAIL_FIELDS, OptionalLong.empty());
      DetailFieldsPhase.Result fields =
          new DetailFieldsPhase(csm, importers, settings.mapper().mapping()).run();
      report.customerFields(fields.customerFields());
      report.organizationFields(fields.organizationFields());
      listener.phaseFinished(Phase.DETAIL_FIELDS, report.fieldsSummary());
      if (report.stopped()) {
        return report.build(Verification.SKIPPED);
      }
    }

    ContactScan scan = scan(contacts);
    MappingWarnings warnings = new MappingWarnings();
    OrganizationDirectory directory = new OrganizationDirectory(csm);
    OrganizationPhase organizations =
        new OrganizationPhase(
            importers,
            settings.mapper(),
            settings.companyFilter(),
            directory,
            warnings,
            syncRun,
            settings.retryFailedOnly());
    listener.phaseStarted(Phase.ORGANIZATIONS, OptionalLong.empty());
    OrganizationPhase.Result orgs = organizations.run(companies, scan.companyNames());
    report.organizations(orgs.report(), orgs.alreadyPresent(), orgs.excluded());
    sync.organizations(orgs.sync(), report);
    listener.phaseFinished(Phase.ORGANIZATIONS, orgs.report().summary());
    if (orgs.report().stopped()) {
      report.warnings(warnings.count(), warnings.examples());
      return report.build(new Verification(0, 0, List.of(), orgs.missing()));
    }

    VerificationSample sample = new VerificationSample(settings.verifySample());
    Deduplication deduplication =
        new Deduplication(settings.duplicatePolicy(), new EmailKey(settings.emailProperty()), scan);
    listener.phaseStarted(Phase.CUSTOMERS, OptionalLong.empty());
    CustomerPhase.Result customers =
        new CustomerPhase(
                importers,
                settings,
                organizations,
                directory,
                deduplication,
                warnings,
                sample,
                syncRun)
            .run(contacts.get());
    sync.customers(customers.sync(), report);
    report.customers(customers.report(), customers.excluded(), customers.unknownOrganizations());
    report.contactsRead(customers.readToEnd(), customers.lastRead());
    report.warnings(warnings.count(), warnings.examples());
    listener.phaseFinished(Phase.CUSTOMERS, customers.report().summary());

    if (settings.verifySample() == 0 || customers.report().stopped()) {
      return report.build(Verification.SKIPPED);
    }
    listener.phaseStarted(Phase.VERIFICATION, OptionalLong.empty());
    Verification verification =
        new VerificationPhase(csm).run(sample, customers.report(), orgs.missing());
    listener.phaseFinished(
        Phase.VERIFICATION,
        verification.passed()
            ? "verified " + verification.customersChecked() + " customers"
            : verification.customersChecked() == 0
                ? "0 of " + verification.customersImported() + " imported customers checked"
                : verification.problems().size()
                    + verification.organizationsMissing().size()
                    + " problems");
    return report.build(verification);
  }

  /**
   * The plan of a run with the {@link Builder#state state}: what it would create, update (by
   * field), leave unchanged, retry and report gone, with examples. Reads the state and the source
   * only: nothing is sent to CSM and nothing is written, not even a run.
   *
   * @param companies the companies, read once
   * @param contacts the contacts, read once (and closed when closeable)
   * @return the plan
   * @throws IllegalStateException when the migration has no state
   */
  public SyncPlan plan(
      Iterable<SourceRecord<HubSpotCompany>> companies,
      Iterable<SourceRecord<HubSpotContact>> contacts) {
    SyncState state =
        settings.state().orElseThrow(() -> new IllegalStateException("a plan needs a state"));
    try {
      return new SyncPlanner(settings, state.reader(settings.jobId(), csm.baseUri().toString()))
          .plan(state.location(), companies, contacts);
    } finally {
      Sources.closeQuietly(contacts);
    }
  }

  /** The first read of the contacts, when a phase needs it; else an empty scan. */
  private ContactScan scan(Supplier<? extends Iterable<SourceRecord<HubSpotContact>>> contacts) {
    if (!settings.organizationsFromContacts()
        && settings.duplicatePolicy() != DuplicatePolicy.LATEST) {
      return new ContactScan();
    }
    Iterable<SourceRecord<HubSpotContact>> source = contacts.get();
    try {
      return ContactScan.read(
          new ContactSelection(settings.contactFilter(), settings.testBatch()).select(source),
          settings.organizationsFromContacts()
              ? settings.mapper().mapping().organizationProperty()
              : null,
          // only LATEST asks which contact of an email is the latest: 32 bytes an email otherwise
          settings.duplicatePolicy() == DuplicatePolicy.LATEST
              ? new EmailKey(settings.emailProperty())
              : null);
    } finally {
      Sources.closeQuietly(source);
    }
  }

  /**
   * Configures a {@link HubSpotMigration}. Defaults: the guide's mapping, a random job id, no
   * journals, archived records skipped, 5 tasks in flight, failure threshold 5% (alert only),
   * missing detail fields created, organizations also made from contacts' company names, and up to
   * 10,000 imported customers verified.
   */
  public static final class Builder {
    private final CsmClient csm;
    private Mapper mapper = Mapper.of(HubSpotMapping.defaults());
    private String jobId = "migration-" + java.util.UUID.randomUUID();
    private boolean jobIdGiven;
    private Path journalDirectory;
    private RecordFilter contactFilter = RecordFilter.notArchived();
    private RecordFilter companyFilter = RecordFilter.notArchived();
    private OptionalLong testBatch = OptionalLong.empty();
    private int maxInFlight = 5;
    private double failureThreshold = 0.05;
    private boolean stopOnFailureThreshold;
    private MigrationListener listener = MigrationListener.NONE;
    private boolean createDetailFields = true;
    private boolean organizationsFromContacts = true;
    private int verifySample = 10_000;
    private Duration maxTaskWait = Duration.ofMinutes(15);
    private DuplicatePolicy duplicatePolicy = DuplicatePolicy.FIRST;
    private Membership membership = Membership.ALL;
    private SyncState state;
    private boolean retryFailedOnly;
    private boolean dryRun;

    private Builder(CsmClient csm) {
      this.csm = Objects.requireNonNull(csm, "csm");
    }

    /** The mapping, as a mapper (which may carry HubSpot property catalogs for labels). */
    public Builder mapper(Mapper mapper) {
      this.mapper = Objects.requireNonNull(mapper, "mapper");
      return this;
    }

    /**
     * The mapping, as plain HubSpot-to-CSM rules; default the guide's mapping ({@link
     * HubSpotMapping#defaults()}).
     */
    public Builder mapping(HubSpotMapping mapping) {
      return mapper(Mapper.of(mapping));
    }

    /**
     * Names the migration; each phase's idempotency keys derive from it. Reuse it to resume or
     * repeat a migration without duplicates; at most 80 characters.
     */
    public Builder jobId(String jobId) {
      if (jobId == null || jobId.isBlank() || jobId.length() > 80) {
        throw new IllegalArgumentException("jobId must be 1 to 80 characters, not blank");
      }
      this.jobId = jobId;
      this.jobIdGiven = true;
      return this;
    }

    /**
     * Journals the customer phase to {@code <jobId>.customers.journal} in this directory, and
     * resumes from it. The detail-field and organization phases need no journal: they send only
     * what CSM does not have yet, so a rerun skips what an earlier run created.
     */
    public Builder journalDirectory(Path directory) {
      this.journalDirectory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /**
     * Marks the migration as a dry run (its client points at a throwaway sandbox): its journal says
     * so, and a real run never resumes from it (nor a dry run from a real one's). Default false.
     */
    public Builder dryRun(boolean dryRun) {
      this.dryRun = dryRun;
      return this;
    }

    /** Which contacts to migrate (the others are counted as excluded); default: not archived. */
    public Builder contactFilter(RecordFilter filter) {
      this.contactFilter = RecordFilter.notArchived().and(Objects.requireNonNull(filter, "filter"));
      return this;
    }

    /** Which companies to migrate; default: not archived. */
    public Builder companyFilter(RecordFilter filter) {
      this.companyFilter = RecordFilter.notArchived().and(Objects.requireNonNull(filter, "filter"));
      return this;
    }

    /** Migrates only the first {@code n} selected contacts: the guide's phase 1. */
    public Builder testBatch(long n) {
      if (n < 1) {
        throw new IllegalArgumentException("testBatch must be at least 1: " + n);
      }
      this.testBatch = OptionalLong.of(n);
      return this;
    }

    /**
     * Tasks unfinished at once in each phase, 1 to 100; default 5. Checked when the migration runs,
     * which then throws {@link IllegalArgumentException}.
     */
    public Builder maxInFlight(int maxInFlight) {
      this.maxInFlight = maxInFlight;
      return this;
    }

    /**
     * The failure rate of a phase above which the listener is alerted, 0 to 1; default 0.05.
     * Checked when the migration runs.
     */
    public Builder failureThreshold(double threshold) {
      this.failureThreshold = threshold;
      return this;
    }

    /**
     * Whether a phase also stops when it passes the failure threshold; default false (alert only).
     */
    public Builder stopOnFailureThreshold(boolean stop) {
      this.stopOnFailureThreshold = stop;
      return this;
    }

    /** Observes the phases and their imports; default {@link MigrationListener#NONE}. */
    public Builder listener(MigrationListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** Whether to create the detail fields the mapping needs and CSM lacks; default true. */
    public Builder createDetailFields(boolean create) {
      this.createDetailFields = create;
      return this;
    }

    /**
     * Whether a contact's company name with no company record becomes an organization too; default
     * true (the contacts are then read twice).
     */
    public Builder organizationsFromContacts(boolean create) {
      this.organizationsFromContacts = create;
      return this;
    }

    /** How many imported customers to fetch back and compare; 0 skips verification. */
    public Builder verifySample(int n) {
      if (n < 0) {
        throw new IllegalArgumentException("verifySample must not be negative: " + n);
      }
      this.verifySample = n;
      return this;
    }

    /** Which of several contacts with one email is imported; default the first (the guide). */
    public Builder duplicates(DuplicatePolicy policy) {
      this.duplicatePolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** Which associated companies a customer joins; default all of them. */
    public Builder membership(Membership membership) {
      this.membership = Objects.requireNonNull(membership, "membership");
      return this;
    }

    /**
     * How long a task may stay unfinished before its batch is reported unresolved; default 15
     * minutes.
     */
    public Builder maxTaskWait(Duration wait) {
      this.maxTaskWait = Objects.requireNonNull(wait, "wait");
      return this;
    }

    /**
     * Keeps CSM in sync through this state: each record is compared with what the state says CSM
     * last accepted, and only what is new, changed or failed before is sent (see docs/SYNC.md). The
     * state's run is that of the {@link #jobId job id} and the client's site; its run id derives
     * the idempotency keys (unique to the run, the same when it is resumed), and no journal is
     * used. The state stays open: the caller closes it.
     *
     * @param state the state
     * @return this builder
     */
    public Builder state(SyncState state) {
      this.state = Objects.requireNonNull(state, "state");
      return this;
    }

    /**
     * With a state, sends only the records whose last attempt failed or was rejected (the others
     * are counted as skipped); default false.
     *
     * @param retryFailedOnly whether to send only the failures
     * @return this builder
     */
    public Builder retryFailedOnly(boolean retryFailedOnly) {
      this.retryFailedOnly = retryFailedOnly;
      return this;
    }

    /**
     * The migration.
     *
     * @throws IllegalStateException if a journal directory or a state is set without a job id, or
     *     failures are to be retried without a state
     */
    public HubSpotMigration build() {
      if (retryFailedOnly && state == null) {
        throw new IllegalStateException(
            "retryFailedOnly needs a state: only it knows the failures");
      }
      if ((journalDirectory != null || state != null) && !jobIdGiven) {
        throw new IllegalStateException(
            "a journal directory or a state needs a job id: set jobId(...) (for example the"
                + " HubSpot portal) so that a rerun finds its journal or its state");
      }
      return new HubSpotMigration(csm, settings());
    }

    /** What was set, as the phases read it. */
    MigrationSettings settings() {
      return new MigrationSettings(
          mapper,
          jobId,
          Optional.ofNullable(journalDirectory),
          contactFilter,
          companyFilter,
          testBatch,
          maxInFlight,
          failureThreshold,
          stopOnFailureThreshold,
          listener,
          createDetailFields,
          organizationsFromContacts,
          verifySample,
          maxTaskWait,
          duplicatePolicy,
          membership,
          Optional.ofNullable(state),
          retryFailedOnly,
          dryRun);
    }
  }
}
