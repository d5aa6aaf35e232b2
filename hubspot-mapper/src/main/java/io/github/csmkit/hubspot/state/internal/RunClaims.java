package io.github.csmkit.hubspot.state.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The first claimant of each de-duplication key the current attempt of a scope's run claimed
 * ({@code run_claims}), beside the state rather than on the heap. It is a temporary table of the
 * run's connection: it belongs to the attempt by construction (a process that dies takes it along),
 * costs no durable write (no write-ahead log, no sync to disk: SQLite keeps it in its temporary
 * store, PostgreSQL in the session), and never reaches the schema. Callers own the transaction.
 */
public final class RunClaims {
  private RunClaims() {}

  /**
   * Creates the connection's table when it has none, and forgets what a scope claimed before on it
   * (a connection may serve several runs one after another, or several jobs at once).
   *
   * @param c the run's connection
   * @param dialect its dialect
   * @param scopeId the job's scope
   * @throws SQLException on a database error
   */
  public static void begin(Connection c, Dialect dialect, long scopeId) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(
          dialect.ddl(
              "CREATE TEMPORARY TABLE IF NOT EXISTS run_claims (scope_id BIGINT NOT NULL,"
                  + " claim_key BIGINT NOT NULL, claimant BIGINT NOT NULL,"
                  + " PRIMARY KEY (scope_id, claim_key)){compact}"));
    }
    clear(c, scopeId);
  }

  /**
   * Forgets a scope's claims, on a connection that has the table ({@link #begin}).
   *
   * @param c the connection
   * @param scopeId the job's scope
   * @throws SQLException on a database error
   */
  public static void clear(Connection c, long scopeId) throws SQLException {
    boolean others;
    try (PreparedStatement ps =
        c.prepareStatement("SELECT 1 FROM run_claims WHERE scope_id <> ? LIMIT 1")) {
      ps.setLong(1, scopeId);
      try (ResultSet rs = ps.executeQuery()) {
        others = rs.next();
      }
    }
    // alone on the connection (the usual case): emptied whole, which SQLite does without
    // visiting each row
    try (PreparedStatement ps =
        c.prepareStatement(
            others ? "DELETE FROM run_claims WHERE scope_id = ?" : "DELETE FROM run_claims")) {
      if (others) {
        ps.setLong(1, scopeId);
      }
      ps.executeUpdate();
    }
  }

  /**
   * Records first claims; a key claimed before keeps its claimant.
   *
   * @param c the connection
   * @param scopeId the job's scope
   * @param claims key to claimant
   * @throws SQLException on a database error
   */
  public static void claim(Connection c, long scopeId, Map<Long, Long> claims) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO run_claims (scope_id, claim_key, claimant) VALUES (?, ?, ?)"
                + " ON CONFLICT (scope_id, claim_key) DO NOTHING")) {
      for (Map.Entry<Long, Long> e : claims.entrySet()) {
        ps.setLong(1, scopeId);
        ps.setLong(2, e.getKey());
        ps.setLong(3, e.getValue());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /**
   * The claimants of keys claimed before.
   *
   * @param c the connection
   * @param scopeId the job's scope
   * @param keys the keys (any number: they are looked up 500 at a time)
   * @return key to claimant, for the claimed ones
   * @throws SQLException on a database error
   */
  public static Map<Long, Long> claimants(Connection c, long scopeId, Collection<Long> keys)
      throws SQLException {
    List<Long> all = List.copyOf(keys);
    Map<Long, Long> out = new HashMap<>();
    for (int from = 0; from < all.size(); from += RecordStore.CHUNK) {
      List<Long> chunk = all.subList(from, Math.min(all.size(), from + RecordStore.CHUNK));
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT claim_key, claimant FROM run_claims WHERE scope_id = ? AND claim_key IN ("
                  + RecordStore.marks(chunk.size())
                  + ")")) {
        ps.setLong(1, scopeId);
        for (int i = 0; i < chunk.size(); i++) {
          ps.setLong(2 + i, chunk.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.put(rs.getLong(1), rs.getLong(2));
          }
        }
      }
    }
    return out;
  }
}
