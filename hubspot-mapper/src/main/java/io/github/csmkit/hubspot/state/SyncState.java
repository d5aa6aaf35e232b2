package io.github.csmkit.hubspot.state;

import io.github.csmkit.hubspot.state.internal.Connector;
import io.github.csmkit.hubspot.state.internal.Db;
import io.github.csmkit.hubspot.state.internal.Dialect;
import io.github.csmkit.hubspot.state.internal.RunLock;
import io.github.csmkit.hubspot.state.internal.RunLocks;
import io.github.csmkit.hubspot.state.internal.RunStore;
import io.github.csmkit.hubspot.state.internal.Schema;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A sync state: for every job (a HubSpot portal synced to a CSM site) what its runs have sent, kept
 * in SQLite (a file, the default), PostgreSQL, or another JDBC database. Opening a state creates or
 * upgrades its schema in place; a state written by a newer csmkit is refused.
 *
 * <pre>{@code
 * try (SyncState state = SyncState.open("csmkit-state.db");
 *      SyncRun run = state.beginRun("hubspot-portal-123", "cloud-id", false)) {
 *   Map<String, StoredRecord> stored = run.records(ObjectType.CONTACT, ids);
 *   ... DeltaPlanner.classify(snapshot, stored.get(id)) ...
 *   run.settle(batchOf50Settlements);
 *   run.finish(RunStatus.COMPLETED, counts);
 * }
 * }</pre>
 *
 * <p>Thread-safe; its calls are serialized on one connection. {@link #toString()} and every message
 * name the location without credentials.
 */
public final class SyncState implements AutoCloseable {
  /** The file name of the default state, beside the run. */
  public static final String DEFAULT_FILE_NAME = "csmkit-state.db";

  private final Connector connector;
  private final Db db;
  private final Clock clock;
  private final RunLocks locks;

  private SyncState(Connector connector, Clock clock) {
    this.connector = connector;
    this.clock = clock;
    try {
      Connection c = connector.open();
      try {
        Dialect dialect = Dialect.of(c);
        Schema.upgrade(c, dialect, Schema.LATEST, connector.description());
        this.db = new Db(c, dialect, connector.description());
        this.locks = new RunLocks(db, connector, Connector.sqliteFile(c));
      } catch (SQLException | RuntimeException e) {
        c.close();
        throw e;
      }
    } catch (SQLException e) {
      throw new SyncStateException(
          "Cannot open the sync state at " + connector.description() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Opens (creating or upgrading) the state at a file path (SQLite) or a JDBC URL.
   *
   * @param location a path such as {@code csmkit-state.db}, or a URL such as {@code
   *     jdbc:postgresql://db/csmkit}
   * @return the open state
   * @throws SyncStateException when it cannot be opened or is newer than this csmkit
   */
  public static SyncState open(String location) {
    return builder().location(location).open();
  }

  /**
   * Opens (creating or upgrading) the state behind a data source.
   *
   * @param dataSource the data source
   * @param description how to name it in messages (credentials in it are redacted)
   * @return the open state
   * @throws SyncStateException when it cannot be opened or is newer than this csmkit
   */
  public static SyncState open(DataSource dataSource, String description) {
    return builder().dataSource(dataSource, description).open();
  }

  /**
   * A builder, for a clock, an environment or a busy timeout of one's own.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Begins a run of a job on a site, or resumes the one that did not finish (same id). A real run
   * holds the job and site's lock until it is closed; a dry run takes no lock and writes only its
   * own row in {@code runs} (flagged {@code dry_run}), never a record or a watermark, and is never
   * resumed.
   *
   * @param jobId the job, stable across runs (for example the HubSpot portal id)
   * @param site the CSM site (cloud id or base URL)
   * @param dryRun whether this is a plan
   * @return the run; close it
   * @throws StateLockedException when another run of the job and site holds the lock
   * @throws SyncStateException on a database error, or when the database has no run lock (neither
   *     SQLite nor PostgreSQL)
   */
  public SyncRun beginRun(String jobId, String site, boolean dryRun) {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(site, "site");
    String holder = RunLocks.holder();
    Instant now = clock.instant();
    if (dryRun) {
      String runId = UUID.randomUUID().toString();
      long scope =
          db.write(
              "record a dry run",
              c -> {
                long s = RunStore.scope(c, jobId, site);
                RunStore.insert(c, runId, s, true, holder, now);
                return s;
              });
      return new SyncRun(
          db, clock, scope, info(runId, jobId, site, true, holder, now), false, () -> {});
    }
    RunLock lock = locks.acquire(jobId, site);
    try {
      // on PostgreSQL the run works on the session that holds its lock
      Db runDb =
          lock.session().map(c -> new Db(c, db.dialect(), connector.description())).orElse(db);
      Begun begun =
          runDb.write(
              "begin a run",
              c -> {
                long s = RunStore.scope(c, jobId, site);
                Optional<RunInfo> open = RunStore.unfinished(c, s);
                if (open.isPresent()) {
                  RunInfo o = open.get();
                  RunStore.resume(c, o.runId(), holder);
                  return new Begun(
                      s,
                      new RunInfo(
                          o.runId(),
                          jobId,
                          site,
                          false,
                          o.status(),
                          holder,
                          o.startedAt(),
                          o.endedAt(),
                          o.counts()),
                      true);
                }
                String runId = UUID.randomUUID().toString();
                RunStore.insert(c, runId, s, false, holder, now);
                return new Begun(s, info(runId, jobId, site, false, holder, now), false);
              });
      return new SyncRun(runDb, clock, begun.scope(), begun.run(), begun.resumed(), lock);
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  private record Begun(long scope, RunInfo run, boolean resumed) {}

  private static RunInfo info(
      String runId, String jobId, String site, boolean dryRun, String holder, Instant now) {
    return new RunInfo(
        runId,
        jobId,
        site,
        dryRun,
        RunStatus.RUNNING,
        holder,
        now,
        Optional.empty(),
        RunCounts.ZERO);
  }

  /**
   * Reads one job and site without running (for reports and {@code verify}).
   *
   * @param jobId the job
   * @param site the site
   * @return a reader; a job the state has never seen reads as empty
   */
  public StateReader reader(String jobId, String site) {
    return new ScopeReader(db, jobId, site, OptionalLong.empty());
  }

  /**
   * Every run of a job and site, oldest first, dry runs included.
   *
   * @param jobId the job
   * @param site the site
   * @return the runs
   * @throws SyncStateException on a database error
   */
  public List<RunInfo> runs(String jobId, String site) {
    return db.read(
        "read the runs",
        c -> {
          OptionalLong s = RunStore.findScope(c, jobId, site);
          return s.isEmpty() ? List.<RunInfo>of() : RunStore.runs(c, s.getAsLong());
        });
  }

  /**
   * The schema version of the state (after the upgrade done by opening it).
   *
   * @return the version
   * @throws SyncStateException on a database error
   */
  public int schemaVersion() {
    return db.read("read the schema version", Schema::version);
  }

  /**
   * Where the state is, without credentials.
   *
   * @return a path or a redacted JDBC URL
   */
  public String location() {
    return connector.description();
  }

  /** Closes the connection. Runs still open keep their locks until they are closed. */
  @Override
  public void close() {
    db.close();
  }

  @Override
  public String toString() {
    return "SyncState[" + connector.description() + "]";
  }

  /** Options for opening a state. */
  public static final class Builder {
    private String location;
    private DataSource dataSource;
    private String description;
    private Clock clock = Clock.systemUTC();
    private Map<String, String> env = System.getenv();
    private Duration busyTimeout = Duration.ofSeconds(30);

    private Builder() {}

    /**
     * The state at a file path (SQLite; parent folders are created) or a JDBC URL.
     *
     * @param location the path or URL
     * @return this builder
     */
    public Builder location(String location) {
      this.location = Objects.requireNonNull(location, "location");
      this.dataSource = null;
      return this;
    }

    /**
     * The state behind a data source.
     *
     * @param dataSource the data source
     * @param description how to name it in messages (redacted)
     * @return this builder
     */
    public Builder dataSource(DataSource dataSource, String description) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
      this.description = Objects.requireNonNull(description, "description");
      this.location = null;
      return this;
    }

    /**
     * The clock for run and settle times (default UTC system clock).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The environment read for PostgreSQL credentials ({@code PGUSER}, {@code PGPASSWORD}) when the
     * URL has none (default: the process environment).
     *
     * @param env the environment
     * @return this builder
     */
    public Builder environment(Map<String, String> env) {
      this.env = Map.copyOf(env);
      return this;
    }

    /**
     * How long a SQLite writer waits for another before failing (default 30 s).
     *
     * @param timeout the wait
     * @return this builder
     */
    public Builder busyTimeout(Duration timeout) {
      this.busyTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * Opens the state, creating or upgrading its schema.
     *
     * @return the open state
     * @throws IllegalStateException when neither a location nor a data source was given
     * @throws SyncStateException when it cannot be opened or is newer than this csmkit
     */
    public SyncState open() {
      Connector connector;
      if (dataSource != null) {
        connector = Connector.of(dataSource, description, busyTimeout);
      } else if (location != null) {
        try {
          connector = Connector.of(location, env, busyTimeout);
        } catch (IOException e) {
          throw new SyncStateException("Cannot create the folder of the sync state: " + e, e);
        }
      } else {
        throw new IllegalStateException("give a location or a data source");
      }
      return new SyncState(connector, clock);
    }
  }
}
