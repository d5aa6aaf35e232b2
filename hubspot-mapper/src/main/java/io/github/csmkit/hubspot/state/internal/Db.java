package io.github.csmkit.hubspot.state.internal;

import io.github.csmkit.hubspot.state.SyncStateException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * One open connection to a state, used by one thread at a time: reads in auto-commit mode, writes
 * in a transaction each (committed whole or rolled back whole).
 */
public final class Db implements AutoCloseable {
  /** Work on a connection. */
  @FunctionalInterface
  public interface Work<T> {
    /**
     * Does the work.
     *
     * @param c the connection
     * @return the result
     * @throws SQLException on a database error
     */
    T run(Connection c) throws SQLException;
  }

  private final Connection connection;
  private final Dialect dialect;
  private final String description;

  /**
   * Wraps an open connection.
   *
   * @param connection the connection, in auto-commit mode
   * @param dialect its dialect
   * @param description the state's description for messages (no credentials)
   */
  public Db(Connection connection, Dialect dialect, String description) {
    this.connection = connection;
    this.dialect = dialect;
    this.description = description;
  }

  /**
   * The dialect.
   *
   * @return it
   */
  public Dialect dialect() {
    return dialect;
  }

  /**
   * Runs reads.
   *
   * @param what what is read, for the message of a failure
   * @param work the reads
   * @param <T> the result type
   * @return the result
   * @throws SyncStateException on a database error
   */
  public synchronized <T> T read(String what, Work<T> work) {
    try {
      return work.run(connection);
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  /**
   * Runs writes in one transaction: all of them are committed, or none.
   *
   * @param what what is written, for the message of a failure
   * @param work the writes
   * @param <T> the result type
   * @return the result
   * @throws SyncStateException on a database error (the transaction is rolled back)
   */
  public synchronized <T> T write(String what, Work<T> work) {
    try {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  private SyncStateException failure(String what, SQLException e) {
    return new SyncStateException(
        "Cannot " + what + " in the sync state at " + description + ": " + e.getMessage(), e);
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw failure("close the connection", e);
    }
  }
}
