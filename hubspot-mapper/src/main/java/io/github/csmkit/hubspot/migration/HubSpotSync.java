package io.github.csmkit.hubspot.migration;

import io.github.csmkit.client.CsmClient;
import io.github.csmkit.hubspot.mapping.HubSpotMapping;
import io.github.csmkit.hubspot.mapping.Mapper;
import io.github.csmkit.hubspot.source.HubSpotApiClient;
import io.github.csmkit.hubspot.source.HubSpotChanges;
import io.github.csmkit.hubspot.state.ObjectType;
import io.github.csmkit.hubspot.state.SyncRun;
import io.github.csmkit.hubspot.state.SyncState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Keeps CSM in sync with a live HubSpot portal: each run reads only what changed in HubSpot since
 * the last one (the first reads everything), sends only what changed to CSM, and moves each object
 * type's watermark only when every record it read for that type has settled in the state.
 *
 * <pre>{@code
 * try (SyncState state = SyncState.open("csmkit-state.db")) {
 *   HubSpotSyncReport report = HubSpotSync.builder(csm, hubspot, state)
 *       .jobId("hubspot-portal-123")
 *       .build()
 *       .run();
 * }
 * }</pre>
 *
 * <p>One run: take the job's lock in the state, read {@link HubSpotChanges} from the stored
 * watermark (minus the overlap) up to the run's start, leaving out the versions the state already
 * settled, run the state-backed migration on them (an incremental source reports nothing gone),
 * then store each type's candidate watermark if that type settled in full. Archived and merged
 * records are reported, never deleted.
 */
public final class HubSpotSync {
  /** The job id when none is given: the same as {@code csmkit migrate}'s. */
  public static final String DEFAULT_JOB_ID = "csmkit-hubspot";

  private final CsmClient csm;
  private final HubSpotApiClient hubspot;
  private final SyncState state;
  private final HubSpotMigration migration;
  private final Mapper mapper;
  private final String jobId;
  private final Duration overlap;
  private final Clock clock;
  private final Consumer<ObjectType> watermarkStored;

  private HubSpotSync(Builder b) {
    this.csm = b.csm;
    this.hubspot = b.hubspot;
    this.state = b.state;
    this.migration = b.migration.build();
    this.mapper = b.mapper;
    this.jobId = b.jobId;
    this.overlap = b.overlap;
    this.clock = b.clock;
    this.watermarkStored = b.watermarkStored;
  }

  /**
   * A builder for a sync from this HubSpot portal into this CSM site, keeping its state here.
   *
   * @param csm the CSM client (its base URI names the site in the state)
   * @param hubspot the HubSpot client (token, base URL, rate limits)
   * @param state the sync state; the caller closes it
   * @return a new builder
   */
  public static Builder builder(CsmClient csm, HubSpotApiClient hubspot, SyncState state) {
    return new Builder(csm, hubspot, state);
  }

  /**
   * Runs one sync.
   *
   * @return what it did; a run HubSpot's daily limit stopped, or one an error in a phase or an
   *     interrupt ended ({@link MigrationReport#failure()}), returns normally, with {@link
   *     HubSpotSyncReport#stopReason()} saying so and the watermarks where they were (after such a
   *     failure the state's run stays open, and the next sync resumes it with the same keys)
   * @throws io.github.csmkit.hubspot.state.StateLockedException at once, when another run of this
   *     job and site holds the lock
   * @throws io.github.csmkit.hubspot.source.HubSpotAuthenticationException when HubSpot refuses the
   *     token (401): a configuration error
   * @throws io.github.csmkit.hubspot.source.HubSpotApiException when HubSpot fails for good
   * @throws io.github.csmkit.hubspot.state.SyncStateException on a database error
   * @throws io.github.csmkit.client.error.CsmException when CSM fails in a way the migration does
   *     not report as data (for example refused credentials)
   */
  public HubSpotSyncReport run() {
    Instant runStart = clock.instant();
    try (SyncRun run = state.beginRun(jobId, csm.baseUri().toString(), false)) {
      return new SyncPass(migration, hubspot, run, changes(run), runStart, watermarkStored).run();
    }
  }

  private HubSpotChanges changes(SyncRun run) {
    return HubSpotChanges.builder(hubspot)
        .contactProperties(mapper.mapping().contactProperties())
        .companyProperties(mapper.mapping().companyProperties())
        .overlap(overlap)
        .contactsSettled((id, t) -> SyncPass.settled(run, ObjectType.CONTACT, id, t))
        .companiesSettled((id, t) -> SyncPass.settled(run, ObjectType.COMPANY, id, t))
        .build();
  }

  @Override
  public String toString() {
    return "HubSpotSync[job " + jobId + ", " + hubspot + " -> " + csm.baseUri() + "]";
  }

  /**
   * Configures a {@link HubSpotSync}. Defaults: the guide's mapping, job id {@value
   * #DEFAULT_JOB_ID}, a 10-minute overlap, 5 tasks in flight, failure threshold 5% (alert only), up
   * to 10,000 imported customers verified, the UTC system clock.
   */
  public static final class Builder {
    private final CsmClient csm;
    private final HubSpotApiClient hubspot;
    private final SyncState state;
    private Mapper mapper = Mapper.of(HubSpotMapping.defaults());
    private String jobId = DEFAULT_JOB_ID;
    private Duration overlap = Duration.ofMinutes(10);
    // the migration each run runs, its options (and their checks) set through it
    private final HubSpotMigration.Builder migration;
    private Clock clock = Clock.systemUTC();
    private Consumer<ObjectType> watermarkStored = type -> {};

    private Builder(CsmClient csm, HubSpotApiClient hubspot, SyncState state) {
      this.csm = Objects.requireNonNull(csm, "csm");
      this.hubspot = Objects.requireNonNull(hubspot, "hubspot");
      this.state = Objects.requireNonNull(state, "state");
      this.migration =
          HubSpotMigration.builder(csm)
              .jobId(jobId)
              .state(state)
              // the contacts are read once (an incremental read holds them, a full one streams):
              // no second pass for company names, and HubSpot's companies are records of their own
              .organizationsFromContacts(false);
    }

    /** The mapping, as a mapper; default the guide's mapping. */
    public Builder mapper(Mapper mapper) {
      this.mapper = Objects.requireNonNull(mapper, "mapper");
      migration.mapper(mapper);
      return this;
    }

    /** The mapping, as plain rules; default {@link HubSpotMapping#defaults()}. */
    public Builder mapping(HubSpotMapping mapping) {
      return mapper(Mapper.of(mapping));
    }

    /**
     * Names the job in the state (for example the HubSpot portal id); its runs, records and
     * watermarks are this job's. 1 to 80 characters; default {@value #DEFAULT_JOB_ID}.
     *
     * @throws IllegalArgumentException when blank or too long
     */
    public Builder jobId(String jobId) {
      migration.jobId(jobId);
      this.jobId = jobId;
      return this;
    }

    /**
     * How far before the watermark each read starts: at least HubSpot's search-index lag plus any
     * clock skew; default 10 minutes.
     *
     * @throws IllegalArgumentException when negative
     */
    public Builder overlap(Duration overlap) {
      if (overlap.isNegative()) {
        throw new IllegalArgumentException("negative overlap: " + overlap);
      }
      this.overlap = overlap;
      return this;
    }

    /** Observes the phases and their imports; default {@link MigrationListener#NONE}. */
    public Builder listener(MigrationListener listener) {
      migration.listener(listener);
      return this;
    }

    /** Tasks unfinished at once in each phase, 1 to 100 (checked when run); default 5. */
    public Builder maxInFlight(int maxInFlight) {
      migration.maxInFlight(maxInFlight);
      return this;
    }

    /** The failure rate above which the listener is alerted, 0 to 1 (checked when run). */
    public Builder failureThreshold(double threshold) {
      migration.failureThreshold(threshold);
      return this;
    }

    /** Whether a phase also stops above the failure threshold; default false (alert only). */
    public Builder stopOnFailureThreshold(boolean stop) {
      migration.stopOnFailureThreshold(stop);
      return this;
    }

    /** How many imported customers to fetch back and compare; 0 skips it. Default 10,000. */
    public Builder verifySample(int n) {
      migration.verifySample(n);
      return this;
    }

    /** How long a CSM task may stay unfinished before its batch is unresolved; default 15 min. */
    public Builder maxTaskWait(Duration wait) {
      migration.maxTaskWait(wait);
      return this;
    }

    /** Which associated companies a customer joins; default all of them. */
    public Builder membership(Membership membership) {
      migration.membership(membership);
      return this;
    }

    /**
     * The clock whose time is a run's start, the upper bound of what it reads: HubSpot's clock as
     * nearly as this machine knows it. Default the UTC system clock.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Called right after a type's watermark is stored, before the run ends: a crash test's kill
     * point (not public API).
     */
    Builder watermarkStored(Consumer<ObjectType> hook) {
      this.watermarkStored = Objects.requireNonNull(hook, "hook");
      return this;
    }

    /** The sync; reusable, one run at a time per job and site. */
    public HubSpotSync build() {
      return new HubSpotSync(this);
    }
  }
}
