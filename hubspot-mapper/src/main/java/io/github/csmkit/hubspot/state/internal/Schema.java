package io.github.csmkit.hubspot.state.internal;

import io.github.csmkit.hubspot.state.SyncStateException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The state's schema and its ordered upgrade steps. Version {@code n} is reached by running the
 * steps 1..n in order, each once; the {@code schema_version} table holds the version reached. A
 * state written by a newer csmkit (a version above {@link #LATEST}) is refused, never touched.
 */
public final class Schema {
  /** The newest version this code writes and understands. */
  public static final int LATEST = 3;

  /** A constant advisory-lock key that serializes upgrades on PostgreSQL ("csmkit-schema"). */
  private static final long UPGRADE_LOCK = 0x63736d6b69747363L;

  private static final List<List<String>> STEPS =
      List.of(
          // v1: the jobs' scopes, their runs, the records, their field hashes and memberships
          List.of(
              "CREATE TABLE scopes (scope_id {id}, job_id TEXT NOT NULL, site TEXT NOT NULL,"
                  + " UNIQUE (job_id, site))",
              "CREATE TABLE runs (run_id TEXT PRIMARY KEY,"
                  + " scope_id BIGINT NOT NULL REFERENCES scopes (scope_id),"
                  + " dry_run SMALLINT NOT NULL, status TEXT NOT NULL, holder TEXT NOT NULL,"
                  + " started_at TEXT NOT NULL, ended_at TEXT,"
                  + " created BIGINT NOT NULL DEFAULT 0, updated BIGINT NOT NULL DEFAULT 0,"
                  + " unchanged BIGINT NOT NULL DEFAULT 0, retried BIGINT NOT NULL DEFAULT 0,"
                  + " failed BIGINT NOT NULL DEFAULT 0, rejected BIGINT NOT NULL DEFAULT 0,"
                  + " gone BIGINT NOT NULL DEFAULT 0)",
              "CREATE INDEX runs_by_scope ON runs (scope_id, dry_run, status)",
              "CREATE TABLE records (record_id {id},"
                  + " scope_id BIGINT NOT NULL REFERENCES scopes (scope_id),"
                  + " object_type TEXT NOT NULL, hubspot_id TEXT NOT NULL, csm_id TEXT,"
                  + " identity TEXT, outcome TEXT NOT NULL, outcome_detail TEXT,"
                  + " run_id TEXT NOT NULL, updated_at TEXT NOT NULL,"
                  + " UNIQUE (scope_id, object_type, hubspot_id))",
              "CREATE TABLE record_fields (record_id BIGINT NOT NULL"
                  + " REFERENCES records (record_id), field TEXT NOT NULL, hash {bytes} NOT NULL,"
                  + " PRIMARY KEY (record_id, field)){compact}",
              "CREATE TABLE memberships (record_id BIGINT NOT NULL"
                  + " REFERENCES records (record_id), company_id TEXT NOT NULL,"
                  + " PRIMARY KEY (record_id, company_id)){compact}"),
          // v2: what an incremental sync needs: a watermark per scope and object type, and the
          // HubSpot modification time of each record's settled version (the inclusive boundary
          // is de-duplicated on it)
          List.of(
              "ALTER TABLE records ADD COLUMN source_modified_at TEXT",
              "CREATE TABLE watermarks (scope_id BIGINT NOT NULL REFERENCES scopes (scope_id),"
                  + " object_type TEXT NOT NULL, watermark TEXT NOT NULL, run_id TEXT NOT NULL,"
                  + " updated_at TEXT NOT NULL, PRIMARY KEY (scope_id, object_type)){compact}"),
          // v3: the records of a scope and type in the order they were stored, so a page of them
          // (record_id > ? ORDER BY record_id LIMIT n) is a range read: without it SQLite reads
          // and sorts every record of the type for each page, quadratic over a whole scan; and the
          // digest of what was last imported (RecordDigest), so an unchanged record is known
          // without reading its field hashes and memberships (NULL until it is imported again)
          List.of(
              "CREATE INDEX records_in_order ON records (scope_id, object_type, record_id)",
              "ALTER TABLE records ADD COLUMN digest {bytes}"));

  private Schema() {}

  /**
   * Brings the schema to {@code target} in one transaction, running the missing steps in order.
   *
   * @param c a connection in auto-commit mode; left in auto-commit mode
   * @param dialect its dialect
   * @param target the version to reach (tests write older states with it)
   * @param where the state's description for messages (no credentials)
   * @return the version found before the upgrade (0 for an empty database)
   * @throws SyncStateException when the state is newer than {@code target} allows or the upgrade
   *     fails (then nothing changed)
   */
  public static int upgrade(Connection c, Dialect dialect, int target, String where) {
    if (target < 1 || target > LATEST) {
      throw new IllegalArgumentException("no schema version " + target);
    }
    try {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        if (dialect == Dialect.POSTGRESQL) {
          s.execute("SELECT pg_advisory_xact_lock(" + UPGRADE_LOCK + ")");
        }
        s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
        int found = version(s);
        if (found > LATEST) {
          throw new SyncStateException(
              "The sync state at "
                  + where
                  + " has schema version "
                  + found
                  + ", written by a newer csmkit; this csmkit understands versions up to "
                  + LATEST
                  + ". Upgrade csmkit to use this state; it was not changed.");
        }
        for (int v = found + 1; v <= target; v++) {
          for (String ddl : STEPS.get(v - 1)) {
            s.execute(dialect.ddl(ddl));
          }
        }
        if (target > found) {
          s.execute("DELETE FROM schema_version");
          s.execute("INSERT INTO schema_version (version) VALUES (" + target + ")");
        }
        c.commit();
        return found;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new SyncStateException("Cannot upgrade the sync state at " + where + ": " + e, e);
    }
  }

  /**
   * The version a connection's state is at.
   *
   * @param c the connection
   * @return the version, 0 when it has no schema
   * @throws SQLException on a database error
   */
  public static int version(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      return version(s);
    }
  }

  private static int version(Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }
}
