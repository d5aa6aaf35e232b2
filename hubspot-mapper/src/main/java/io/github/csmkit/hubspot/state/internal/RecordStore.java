package io.github.csmkit.hubspot.state.internal;

import io.github.csmkit.hubspot.state.ObjectType;
import io.github.csmkit.hubspot.state.Outcome;
import io.github.csmkit.hubspot.state.Settlement;
import io.github.csmkit.hubspot.state.StoredRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The SQL of the records, their field hashes and memberships. Callers own the transaction. */
public final class RecordStore {
  // hashes are stored as their 16 bytes, half the size of their hex digits
  static final HexFormat HEX = HexFormat.of();

  /** Ids per {@code IN (...)} list: far below SQLite's and PostgreSQL's parameter limits. */
  static final int CHUNK = 500;

  private static final String UPSERT =
      "INSERT INTO records (scope_id, object_type, hubspot_id, csm_id, identity, outcome,"
          + " outcome_detail, run_id, updated_at, source_modified_at, digest)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (scope_id, object_type, hubspot_id) DO UPDATE SET ";
  private static final String UPSERT_IMPORTED =
      UPSERT
          + "csm_id = COALESCE(excluded.csm_id, records.csm_id), identity = excluded.identity,"
          + " outcome = excluded.outcome, outcome_detail = NULL, run_id = excluded.run_id,"
          + " updated_at = excluded.updated_at, digest = excluded.digest,"
          + " source_modified_at = COALESCE(excluded.source_modified_at,"
          + " records.source_modified_at)";
  // a failure keeps the id, identity, hashes and memberships of what CSM last accepted
  private static final String UPSERT_NOT_IMPORTED =
      UPSERT
          + "outcome = excluded.outcome, outcome_detail = excluded.outcome_detail,"
          + " run_id = excluded.run_id, updated_at = excluded.updated_at,"
          + " source_modified_at = COALESCE(excluded.source_modified_at,"
          + " records.source_modified_at)";
  private static final String COLUMNS =
      "record_id, hubspot_id, csm_id, identity, outcome, outcome_detail, run_id, updated_at,"
          + " source_modified_at";

  private RecordStore() {}

  /**
   * Writes settlements (the last one wins for a record settled twice); the caller commits.
   *
   * @param c the connection, in a transaction
   * @param scopeId the job's scope
   * @param runId the run
   * @param now the time of the settle
   * @param settlements what happened
   * @throws SQLException on a database error
   */
  public static void settle(
      Connection c, long scopeId, String runId, Instant now, List<Settlement> settlements)
      throws SQLException {
    Map<ObjectType, Map<String, Settlement>> byType = new LinkedHashMap<>();
    for (Settlement s : settlements) {
      byType.computeIfAbsent(s.type(), t -> new LinkedHashMap<>()).put(s.hubSpotId(), s);
    }
    for (Map.Entry<ObjectType, Map<String, Settlement>> e : byType.entrySet()) {
      Collection<Settlement> batch = e.getValue().values();
      try (PreparedStatement imported = c.prepareStatement(UPSERT_IMPORTED);
          PreparedStatement other = c.prepareStatement(UPSERT_NOT_IMPORTED)) {
        for (Settlement s : batch) {
          PreparedStatement ps = s.outcome() == Outcome.IMPORTED ? imported : other;
          ps.setLong(1, scopeId);
          ps.setString(2, s.type().column());
          ps.setString(3, s.hubSpotId());
          ps.setString(4, s.csmId().orElse(null));
          ps.setString(5, s.identity().orElse(null));
          ps.setString(6, s.outcome().name());
          ps.setString(7, s.detail().orElse(null));
          ps.setString(8, runId);
          ps.setString(9, Times.format(now));
          ps.setString(10, s.sourceModifiedAt().map(Times::format).orElse(null));
          ps.setBytes(11, digest(s));
          ps.addBatch();
        }
        imported.executeBatch();
        other.executeBatch();
      }
      List<Settlement> accepted =
          batch.stream().filter(s -> s.outcome() == Outcome.IMPORTED).toList();
      if (!accepted.isEmpty()) {
        replaceChildren(c, scopeId, e.getKey(), accepted);
      }
    }
  }

  /** The digest of what an imported settlement holds; null for any other (never compared). */
  private static byte[] digest(Settlement s) {
    if (s.outcome() != Outcome.IMPORTED || s.identity().isEmpty()) {
      return null;
    }
    return RecordDigest.of(s.identity().get(), s.fieldHashes(), s.memberships());
  }

  private static void replaceChildren(
      Connection c, long scopeId, ObjectType type, List<Settlement> accepted) throws SQLException {
    Map<String, Long> ids = ids(c, scopeId, type, accepted.stream().map(Settlement::hubSpotId));
    try (PreparedStatement delFields =
            c.prepareStatement("DELETE FROM record_fields WHERE record_id = ?");
        PreparedStatement delMembers =
            c.prepareStatement("DELETE FROM memberships WHERE record_id = ?");
        PreparedStatement addField =
            c.prepareStatement(
                "INSERT INTO record_fields (record_id, field, hash) VALUES (?, ?, ?)");
        PreparedStatement addMember =
            c.prepareStatement("INSERT INTO memberships (record_id, company_id) VALUES (?, ?)")) {
      for (Settlement s : accepted) {
        long id = ids.get(s.hubSpotId());
        delFields.setLong(1, id);
        delFields.addBatch();
        delMembers.setLong(1, id);
        delMembers.addBatch();
        for (Map.Entry<String, String> f : new java.util.TreeMap<>(s.fieldHashes()).entrySet()) {
          addField.setLong(1, id);
          addField.setString(2, f.getKey());
          addField.setBytes(3, HEX.parseHex(f.getValue()));
          addField.addBatch();
        }
        for (String company : new TreeSet<>(s.memberships())) {
          addMember.setLong(1, id);
          addMember.setString(2, company);
          addMember.addBatch();
        }
      }
      delFields.executeBatch();
      delMembers.executeBatch();
      addField.executeBatch();
      addMember.executeBatch();
    }
  }

  /** HubSpot id to record id, of the records a scope holds with these ids; 500 ids a query. */
  static Map<String, Long> ids(
      Connection c, long scopeId, ObjectType type, java.util.stream.Stream<String> hubSpotIds)
      throws SQLException {
    List<String> all = hubSpotIds.toList();
    Map<String, Long> out = new HashMap<>();
    for (int from = 0; from < all.size(); from += CHUNK) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
      String sql =
          "SELECT record_id, hubspot_id FROM records WHERE scope_id = ? AND object_type = ?"
              + " AND hubspot_id IN ("
              + marks(chunk.size())
              + ")";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setLong(1, scopeId);
        ps.setString(2, type.column());
        for (int i = 0; i < chunk.size(); i++) {
          ps.setString(3 + i, chunk.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.put(rs.getString(2), rs.getLong(1));
          }
        }
      }
    }
    return out;
  }

  /**
   * Sets the CSM ids of records (learned by fetching back what was created), leaving everything
   * else as it is; the caller commits.
   *
   * @param c the connection, in a transaction
   * @param scopeId the job's scope
   * @param type contact or company
   * @param csmIds HubSpot id to CSM id
   * @return how many records were updated (ids the state does not hold are ignored)
   * @throws SQLException on a database error
   */
  public static int learnIds(
      Connection c, long scopeId, ObjectType type, Map<String, String> csmIds) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE records SET csm_id = ? WHERE scope_id = ? AND object_type = ?"
                + " AND hubspot_id = ?")) {
      for (Map.Entry<String, String> e : csmIds.entrySet()) {
        ps.setString(1, e.getValue());
        ps.setLong(2, scopeId);
        ps.setString(3, type.column());
        ps.setString(4, e.getKey());
        ps.addBatch();
      }
      int n = 0;
      for (int updated : ps.executeBatch()) {
        n += Math.max(0, updated);
      }
      return n;
    }
  }

  /**
   * The stored records with these HubSpot ids; ids the state does not hold are absent.
   *
   * @param c the connection
   * @param scopeId the job's scope
   * @param type contact or company
   * @param hubSpotIds the ids
   * @return HubSpot id to record
   * @throws SQLException on a database error
   */
  public static Map<String, StoredRecord> load(
      Connection c, long scopeId, ObjectType type, Collection<String> hubSpotIds)
      throws SQLException {
    List<String> all = List.copyOf(new java.util.LinkedHashSet<>(hubSpotIds));
    Map<String, StoredRecord> out = new LinkedHashMap<>();
    for (int from = 0; from < all.size(); from += CHUNK) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
      String sql =
          "SELECT "
              + COLUMNS
              + " FROM records WHERE scope_id = ? AND object_type = ? AND hubspot_id IN ("
              + marks(chunk.size())
              + ")";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setLong(1, scopeId);
        ps.setString(2, type.column());
        for (int i = 0; i < chunk.size(); i++) {
          ps.setString(3 + i, chunk.get(i));
        }
        for (StoredRecord r : read(c, type, ps)) {
          out.put(r.hubSpotId(), r);
        }
      }
    }
    return out;
  }

  /** Which records a {@link #page} holds: each a condition on the records' own columns. */
  public enum Filter {
    /** Every record. */
    ALL(""),
    /** The records whose last attempt failed or was rejected. */
    RETRIES(" AND outcome <> 'IMPORTED'"),
    /** The records imported without a known CSM id (created, not yet fetched back). */
    WITHOUT_CSM_ID(" AND outcome = 'IMPORTED' AND csm_id IS NULL AND identity IS NOT NULL");

    private final String condition;

    Filter(String condition) {
      this.condition = condition;
    }
  }

  /**
   * One page of a scope's records of one type, in record id order (keyset paging on the {@code
   * records_in_order} index: no cursor stays open between pages, and each page is a range read).
   *
   * @param c the connection
   * @param scopeId the job's scope
   * @param type contact or company
   * @param afterId the last record id of the previous page (0 for the first)
   * @param limit the page size
   * @param filter which records
   * @return the records with their record ids
   * @throws SQLException on a database error
   */
  public static List<Map.Entry<Long, StoredRecord>> page(
      Connection c, long scopeId, ObjectType type, long afterId, int limit, Filter filter)
      throws SQLException {
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM records WHERE scope_id = ? AND object_type = ? AND record_id > ?"
            + filter.condition
            + " ORDER BY record_id LIMIT "
            + limit;
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, scopeId);
      ps.setString(2, type.column());
      ps.setLong(3, afterId);
      return readWithIds(c, type, ps);
    }
  }

  private static List<StoredRecord> read(Connection c, ObjectType type, PreparedStatement ps)
      throws SQLException {
    return readWithIds(c, type, ps).stream().map(Map.Entry::getValue).toList();
  }

  private static List<Map.Entry<Long, StoredRecord>> readWithIds(
      Connection c, ObjectType type, PreparedStatement ps) throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        rows.add(
            new Object[] {
              rs.getLong(1),
              rs.getString(2),
              rs.getString(3),
              rs.getString(4),
              rs.getString(5),
              rs.getString(6),
              rs.getString(7),
              rs.getString(8),
              rs.getString(9)
            });
      }
    }
    List<Long> recordIds = rows.stream().map(r -> (Long) r[0]).toList();
    Map<Long, Map<String, String>> fields =
        children(
            c,
            "SELECT record_id, field, hash FROM record_fields",
            recordIds,
            rs -> HEX.formatHex(rs.getBytes(3)));
    Map<Long, Map<String, String>> members =
        children(c, "SELECT record_id, company_id, NULL FROM memberships", recordIds, rs -> "");
    List<Map.Entry<Long, StoredRecord>> out = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      long id = (Long) r[0];
      StoredRecord rec =
          new StoredRecord(
              type,
              (String) r[1],
              Optional.ofNullable((String) r[2]),
              Optional.ofNullable((String) r[3]),
              fields.getOrDefault(id, Map.of()),
              Set.copyOf(members.getOrDefault(id, Map.of()).keySet()),
              Outcome.valueOf((String) r[4]),
              Optional.ofNullable((String) r[5]),
              (String) r[6],
              Instant.parse((String) r[7]),
              Optional.ofNullable((String) r[8]).map(Instant::parse));
      out.add(Map.entry(id, rec));
    }
    return out;
  }

  /** Reads a value from the current row. */
  @FunctionalInterface
  private interface Column {
    String read(ResultSet rs) throws SQLException;
  }

  private static Map<Long, Map<String, String>> children(
      Connection c, String select, List<Long> recordIds, Column value) throws SQLException {
    if (recordIds.isEmpty()) {
      return Collections.emptyMap();
    }
    Map<Long, Map<String, String>> out = new HashMap<>();
    for (int from = 0; from < recordIds.size(); from += CHUNK) {
      List<Long> chunk = recordIds.subList(from, Math.min(recordIds.size(), from + CHUNK));
      try (PreparedStatement ps =
          c.prepareStatement(select + " WHERE record_id IN (" + marks(chunk.size()) + ")")) {
        for (int i = 0; i < chunk.size(); i++) {
          ps.setLong(1 + i, chunk.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                .put(rs.getString(2), value.read(rs));
          }
        }
      }
    }
    return out;
  }

  /**
   * How many records of a type a scope holds.
   *
   * @param c the connection
   * @param scopeId the scope
   * @param type contact or company
   * @return the count
   * @throws SQLException on a database error
   */
  public static long count(Connection c, long scopeId, ObjectType type) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT COUNT(*) FROM records WHERE scope_id = ? AND object_type = ?")) {
      ps.setLong(1, scopeId);
      ps.setString(2, type.column());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  static String marks(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }
}
