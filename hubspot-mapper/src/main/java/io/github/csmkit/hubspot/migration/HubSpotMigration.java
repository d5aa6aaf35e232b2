package io.github.csmkit.hubspot.migration;

import io.github.csmkit.client.CsmClient;
import io.github.csmkit.hubspot.mapping.HubSpotMapping;
import io.github.csmkit.hubspot.mapping.Mapper;
import io.github.csmkit.hubspot.mapping.RecordFilter;
import io.github.csmkit.hubspot.source.HubSpotCompany;
import io.github.csmkit.hubspot.source.HubSpotContact;
import io.github.csmkit.hubspot.source.SourceRecord;
import io.github.csmkit.hubspot.state.RunStatus;
import io.github.csmkit.hubspot.state.SyncRun;
import io.github.csmkit.hubspot.state.SyncState;
import java.nio.file.Path;
import java.time.Duration;
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
   * Runs the migration. Whatever ends it, it ends with a report: a phase's import that stops (the
   * failure threshold, refused credentials, an interrupt) gives its {@link
   * MigrationReport#stopReason() stop reason}; an error in a phase (CSM answering 500 to the
   * verification fetch, an organization look-up refused, an unreadable source, a journal of another
   * job) or an interrupt between phases gives its {@link MigrationReport#failure() failure}. Either
   * way the report holds what every phase did up to there, and {@link
   * MigrationReport#phasesNotReached() the phases not reached}; an interrupt leaves the thread's
   * interrupt flag set.
   *
   * @param companies the companies, read once; may be empty
   * @param contacts opens the contacts; called twice when organizations are also taken from the
   *     contacts' company names or the latest of several contacts with one email is kept (once to
   *     scan, once to import), else once
   * @return what every phase did with every record
   * @throws IllegalArgumentException when {@code maxInFlight} or {@code failureThreshold} is out of
   *     range (before anything is sent)
   */
  public MigrationReport run(
      Iterable<SourceRecord<HubSpotCompany>> companies,
      Supplier<? extends Iterable<SourceRecord<HubSpotContact>>> contacts) {
    if (settings.maxInFlight() < 1 || settings.maxInFlight() > 100) {
      throw new IllegalArgumentException("maxInFlight must be 1 to 100: " + settings.maxInFlight());
    }
    if (!(settings.failureThreshold() >= 0 && settings.failureThreshold() <= 1)) {
      throw new IllegalArgumentException(
          "failureThreshold must be between 0 and 1: " + settings.failureThreshold());
    }
    if (settings.state().isEmpty()) {
      return new PhaseSequence(csm, settings, Optional.empty()).run(companies, contacts);
    }
    SyncState state = settings.state().get();
    // the site as the client addresses it: the cloud id is part of the base URI
    try (SyncRun syncRun = state.beginRun(settings.jobId(), csm.baseUri().toString(), false)) {
      MigrationReport report =
          new PhaseSequence(csm, settings, Optional.of(syncRun)).run(companies, contacts);
      if (report.failure().isPresent()) {
        return report; // a run that failed stays RUNNING: the next resumes it with the same keys
      }
      SyncCounts total = report.sync().map(SyncSection::total).orElse(SyncCounts.ZERO);
      syncRun.finish(
          report.stopReason().isPresent() ? RunStatus.ABORTED : RunStatus.COMPLETED,
          total.toRunCounts());
      return report;
    }
  }

  /**
   * Runs within a run of the state the caller began (and finishes): an incremental sync, whose
   * sources hold only what changed when they are not complete.
   */
  MigrationReport runIn(
      SyncRun syncRun,
      Iterable<SourceRecord<HubSpotCompany>> companies,
      boolean companiesComplete,
      Iterable<SourceRecord<HubSpotContact>> contacts,
      boolean contactsComplete) {
    return new PhaseSequence(csm, settings, Optional.of(syncRun))
        .complete(companiesComplete, contactsComplete)
        .run(companies, () -> contacts);
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
    private Duration interruptGrace = Duration.ZERO;

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

    /**
     * How long an import phase whose thread is interrupted (Ctrl-C in a command line) waits for the
     * tasks it has in flight: those that end within the grace are reported imported or failed, the
     * others unresolved; nothing new is sent, and the run ends with its report (see {@link
     * MigrationReport#failure()}). Default zero: the tasks in flight are reported unresolved at
     * once.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder interruptGrace(Duration grace) {
      Objects.requireNonNull(grace, "grace");
      if (grace.isNegative()) {
        throw new IllegalArgumentException("interruptGrace must not be negative: " + grace);
      }
      this.interruptGrace = grace;
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
          dryRun,
          interruptGrace);
    }
  }
}
