package io.github.csmkit.hubspot.state.internal;

import io.github.csmkit.hubspot.state.StateLockedException;
import io.github.csmkit.hubspot.state.SyncStateException;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Takes the run locks of one open state: the database's own lock (a file lock for SQLite, an
 * advisory lock for PostgreSQL) and, in front of it, this opener's set of held jobs, so that an
 * in-memory database is locked too and a refusal does not need the database.
 */
public final class RunLocks {
  private final Db db;
  private final Connector connector;
  private final Optional<Path> sqliteFile;
  private final Set<String> held = new HashSet<>();

  /**
   * Creates the locks of a state.
   *
   * @param db the state's connection, to name a holder
   * @param connector to open the session of an advisory lock
   * @param sqliteFile the SQLite file, empty for other databases and in-memory ones
   */
  public RunLocks(Db db, Connector connector, Optional<Path> sqliteFile) {
    this.db = db;
    this.connector = connector;
    this.sqliteFile = sqliteFile;
  }

  /**
   * Takes the lock of a job and site.
   *
   * @param jobId the job
   * @param site the site
   * @return the held lock; on PostgreSQL its {@link RunLock#session() session} is the run's
   * @throws StateLockedException when another run holds it
   * @throws SyncStateException when it cannot be taken, or the database has no run lock
   */
  public RunLock acquire(String jobId, String site) {
    String key = jobId + '\0' + site;
    synchronized (held) {
      if (!held.add(key)) {
        throw locked(jobId, site);
      }
    }
    RunLock lock;
    try {
      lock = tryLock(jobId, site);
    } catch (IOException | SQLException | RuntimeException e) {
      release(key);
      if (e instanceof SyncStateException s) {
        throw s;
      }
      throw new SyncStateException(
          "Cannot lock job '" + jobId + "' in the sync state at " + connector.description(), e);
    }
    if (lock == null) {
      release(key);
      throw locked(jobId, site);
    }
    return new Held(lock, key);
  }

  /** A lock that, once closed, also leaves this opener's set of held jobs. */
  private final class Held implements RunLock {
    private final RunLock lock;
    private final String key;

    Held(RunLock lock, String key) {
      this.lock = lock;
      this.key = key;
    }

    @Override
    public Optional<Connection> session() {
      return lock.session();
    }

    @Override
    public void close() {
      try {
        lock.close();
      } finally {
        release(key);
      }
    }
  }

  private RunLock tryLock(String jobId, String site) throws IOException, SQLException {
    switch (db.dialect()) {
      case SQLITE:
        if (sqliteFile.isPresent()) {
          return FileRunLock.tryAcquire(sqliteFile.get(), jobId, site);
        }
        // an in-memory database lives in this opener alone: the set of held jobs is its lock
        return () -> {};
      case POSTGRESQL:
        return AdvisoryRunLock.tryAcquire(connector.open(), jobId, site);
      default:
        throw new SyncStateException(
            "The sync state at "
                + connector.description()
                + " is neither SQLite nor PostgreSQL: runs cannot be locked there, so a second"
                + " run could interleave. Use SQLite or PostgreSQL.");
    }
  }

  private void release(String key) {
    synchronized (held) {
      held.remove(key);
    }
  }

  private StateLockedException locked(String jobId, String site) {
    String holder;
    try {
      holder =
          db.read(
              "read the lock holder",
              c -> {
                OptionalLong s = RunStore.findScope(c, jobId, site);
                if (s.isEmpty()) {
                  return "holder unknown";
                }
                return RunStore.unfinished(c, s.getAsLong())
                    .map(
                        r ->
                            "held by "
                                + r.holder()
                                + ", run "
                                + r.runId()
                                + ", started "
                                + r.startedAt())
                    .orElse("holder unknown");
              });
    } catch (SyncStateException e) {
      holder = "holder unknown";
    }
    return new StateLockedException(jobId, site, holder);
  }

  /**
   * Who this process is, as stored in {@code runs.holder}: never a credential.
   *
   * @return {@code pid N on host}
   */
  public static String holder() {
    String host = System.getenv("HOSTNAME");
    if (host == null || host.isBlank()) {
      try {
        host = java.net.InetAddress.getLocalHost().getHostName();
      } catch (IOException e) {
        host = "localhost";
      }
    }
    return "pid " + ProcessHandle.current().pid() + " on " + host;
  }
}
