package io.github.csmkit.hubspot.state.internal;

import io.github.csmkit.hubspot.state.ObjectType;
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
 * What the current attempt of a scope's run has read, beside the state rather than on the heap: the
 * HubSpot ids it read ({@code run_reads}, so the records it did not read are a query) and the first
 * claimant of each de-duplication key ({@code run_claims}). Both are temporary tables of the run's
 * connection: they belong to the attempt by construction (a process that dies takes them along),
 * cost no durable write (no write-ahead log, no sync to disk: SQLite keeps them in its temporary
 * store, PostgreSQL in the session), and never reach the schema. Callers own the transaction.
 */
public final class RunMarks {
  private RunMarks() {}

  /**
   * Creates the connection's tables when it has none, and forgets what a scope marked before on it
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
              "CREATE TEMPORARY TABLE IF NOT EXISTS run_reads (scope_id BIGINT NOT NULL,"
                  + " object_type TEXT NOT NULL, hubspot_id TEXT NOT NULL,"
                  + " PRIMARY KEY (scope_id, object_type, hubspot_id)){compact}"));
      s.execute(
          dialect.ddl(
              "CREATE TEMPORARY TABLE IF NOT EXISTS run_claims (scope_id BIGINT NOT NULL,"
                  + " claim_key BIGINT NOT NULL, claimant BIGINT NOT NULL,"
                  + " PRIMARY KEY (scope_id, claim_key)){compact}"));
    }
    clear(c, scopeId);
  }

  /**
   * Forgets a scope's marks, on a connection that has the tables ({@link #begin}).
   *
   * @param c the connection
   * @param scopeId the job's scope
   * @throws SQLException on a database error
   */
  public static void clear(Connection c, long scopeId) throws SQLException {
    for (String table : List.of("run_reads", "run_claims")) {
      try (PreparedStatement ps =
          c.prepareStatement("DELETE FROM " + table + " WHERE scope_id = ?")) {
        ps.setLong(1, scopeId);
        ps.executeUpdate();
      }
    }
  }

  /**
   * Marks records read; an id marked before stays as it is.
   *
   * @param c the connection
   * @param scopeId the job's scope
   * @param ids HubSpot ids by object type
   * @throws SQLException on a database error
   */
  public static void read(
      Connection c, long scopeId, Map<ObjectType, ? extends Collection<String>> ids)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO run_reads (scope_id, object_type, hubspot_id) VALUES (?, ?, ?)"
                + " ON CONFLICT (scope_id, object_type, hubspot_id) DO NOTHING")) {
      for (Map.Entry<ObjectType, ? extends Collection<String>> e : ids.entrySet()) {
        for (String id : e.getValue()) {
          ps.setLong(1, scopeId);
          ps.setString(2, e.getKey().column());
          ps.setString(3, id);
          ps.addBatch();
        }
      }
      ps.executeBatch();
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

  /**
   * One page of the HubSpot ids of a scope's records of one type that were not marked read, in
   * record id order.
   *
   * @param c the connection
   * @param scopeId the job's scope
   * @param type contact or company
   * @param afterId the last record id of the previous page (0 for the first)
   * @param limit the page size
   * @return record id to HubSpot id
   * @throws SQLException on a database error
   */
  public static List<Map.Entry<Long, String>> unreadPage(
      Connection c, long scopeId, ObjectType type, long afterId, int limit) throws SQLException {
    return RecordQueries.idPage(
        c,
        scopeId,
        type,
        afterId,
        limit,
        " AND NOT EXISTS (SELECT 1 FROM run_reads m WHERE m.scope_id = r.scope_id"
            + " AND m.object_type = r.object_type AND m.hubspot_id = r.hubspot_id)");
  }
}
