package io.github.csmkit.hubspot.state.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The run lock of a PostgreSQL state: a session-level {@code pg_try_advisory_lock} on the job and
 * site's key, held by a connection of its own for the run's lifetime, through which the run also
 * writes. PostgreSQL releases it when that connection ends, also when the holding process dies.
 */
public final class AdvisoryRunLock implements RunLock {
  private final Connection connection;
  private final long key;
  private boolean closed;

  private AdvisoryRunLock(Connection connection, long key) {
    this.connection = connection;
    this.key = key;
  }

  /**
   * Tries to take the lock on a connection that the lock then owns.
   *
   * @param connection a connection of its own; closed when the lock is not taken
   * @param jobId the job
   * @param site the site
   * @return the held lock, or null when another session holds it
   * @throws SQLException on a database error (the connection is closed)
   */
  public static AdvisoryRunLock tryAcquire(Connection connection, String jobId, String site)
      throws SQLException {
    long key = RunLock.key(jobId, site);
    try (PreparedStatement ps = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
      ps.setLong(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        if (rs.getBoolean(1)) {
          return new AdvisoryRunLock(connection, key);
        }
      }
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
    connection.close();
    return null;
  }

  @Override
  public Optional<Connection> session() {
    return Optional.of(connection);
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
      ps.setLong(1, key);
      ps.execute();
    } catch (SQLException e) {
      // closing the session below releases the lock anyway
    } finally {
      try {
        connection.close();
      } catch (SQLException e) {
        // nothing more to release
      }
    }
  }
}
