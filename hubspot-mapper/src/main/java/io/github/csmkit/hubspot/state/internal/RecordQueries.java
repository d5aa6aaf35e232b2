package io.github.csmkit.hubspot.state.internal;

import io.github.csmkit.hubspot.state.ObjectType;
import io.github.csmkit.hubspot.state.Outcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongConsumer;

/**
 * The state's targeted reads of records: each answers one question of a run in a query or a few,
 * instead of a scan of every record with its field hashes and memberships. Callers own the
 * transaction.
 */
public final class RecordQueries {
  private RecordQueries() {}

  /**
   * The records imported with a known CSM id whose digest is the one given: unchanged, known from
   * one query of the records alone (no field hashes, no memberships read).
   *
   * @param c the connection
   * @param scopeId the job's scope
   * @param type contact or company
   * @param digests HubSpot id to the digest of its current contents ({@link RecordDigest#of})
   * @param found given the record id of every record the state holds of these, unchanged or not
   * @return HubSpot id to CSM id, for the unchanged ones
   * @throws SQLException on a database error
   */
  public static Map<String, String> unchanged(
      Connection c, long scopeId, ObjectType type, Map<String, byte[]> digests, LongConsumer found)
      throws SQLException {
    List<String> all = List.copyOf(digests.keySet());
    Map<String, String> out = new HashMap<>();
    for (int from = 0; from < all.size(); from += RecordStore.CHUNK) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + RecordStore.CHUNK));
      String sql =
          "SELECT hubspot_id, record_id, outcome, csm_id, digest FROM records"
              + " WHERE scope_id = ? AND object_type = ? AND hubspot_id IN ("
              + RecordStore.marks(chunk.size())
              + ")";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setLong(1, scopeId);
        ps.setString(2, type.column());
        for (int i = 0; i < chunk.size(); i++) {
          ps.setString(3 + i, chunk.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            found.accept(rs.getLong(2));
            String csmId = rs.getString(4);
            byte[] stored = rs.getBytes(5);
            if (csmId != null
                && stored != null
                && Outcome.IMPORTED.name().equals(rs.getString(3))) {
              String id = rs.getString(1);
              if (Arrays.equals(stored, digests.get(id))) {
                out.put(id, csmId);
              }
            }
          }
        }
      }
    }
    return out;
  }

  /**
   * The lowest record id of a scope.
   *
   * @param c the connection
   * @param scopeId the job's scope
   * @return it; empty when the scope has no record
   * @throws SQLException on a database error
   */
  public static OptionalLong firstRecordId(Connection c, long scopeId) throws SQLException {
    OptionalLong first = OptionalLong.empty();
    // one per type: each the first entry of records_in_order's range, where a MIN of the scope
    // alone would read the whole range
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT MIN(record_id) FROM records WHERE scope_id = ? AND object_type = ?")) {
      for (ObjectType type : ObjectType.values()) {
        ps.setLong(1, scopeId);
        ps.setString(2, type.column());
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          long min = rs.getLong(1);
          if (!rs.wasNull() && (first.isEmpty() || min < first.getAsLong())) {
            first = OptionalLong.of(min);
          }
        }
      }
    }
    return first;
  }

  /**
   * The record ids of the records a scope holds with these HubSpot ids.
   *
   * @param c the connection
   * @param scopeId the job's scope
   * @param type contact or company
   * @param hubSpotIds the ids (any number: they are looked up 500 at a time)
   * @return the record ids of those the state holds
   * @throws SQLException on a database error
   */
  public static List<Long> recordIds(
      Connection c, long scopeId, ObjectType type, Collection<String> hubSpotIds)
      throws SQLException {
    return new ArrayList<>(RecordStore.ids(c, scopeId, type, hubSpotIds.stream()).values());
  }

  /**
   * One page of a scope's HubSpot ids of one type, in record id order: only the ids, for a scan
   * that needs no more of most records (the records a source no longer has).
   *
   * @param c the connection
   * @param scopeId the job's scope
   * @param type contact or company
   * @param afterId the last record id of the previous page (0 for the first)
   * @param limit the page size
   * @return record id to HubSpot id, in record id order
   * @throws SQLException on a database error
   */
  public static List<Map.Entry<Long, String>> idPage(
      Connection c, long scopeId, ObjectType type, long afterId, int limit) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT record_id, hubspot_id FROM records"
                + " WHERE scope_id = ? AND object_type = ? AND record_id > ?"
                + " ORDER BY record_id LIMIT "
                + limit)) {
      ps.setLong(1, scopeId);
      ps.setString(2, type.column());
      ps.setLong(3, afterId);
      List<Map.Entry<Long, String>> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(Map.entry(rs.getLong(1), rs.getString(2)));
        }
      }
      return out;
    }
  }

  /**
   * Whether any record of a scope and type holds this hash for a field (for example the marker of a
   * value still to clear): one query, however many records there are.
   *
   * @param c the connection
   * @param scopeId the job's scope
   * @param type contact or company
   * @param hash 32 hex digits
   * @return true when one does
   * @throws SQLException on a database error
   */
  public static boolean holdsFieldHash(Connection c, long scopeId, ObjectType type, String hash)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT 1 FROM record_fields f JOIN records r ON r.record_id = f.record_id"
                + " WHERE r.scope_id = ? AND r.object_type = ? AND f.hash = ? LIMIT 1")) {
      ps.setLong(1, scopeId);
      ps.setString(2, type.column());
      ps.setBytes(3, RecordStore.HEX.parseHex(hash));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }
}
