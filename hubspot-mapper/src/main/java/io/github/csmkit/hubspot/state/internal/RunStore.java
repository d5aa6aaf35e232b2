package io.github.csmkit.hubspot.state.internal;

import io.github.csmkit.hubspot.state.ObjectType;
import io.github.csmkit.hubspot.state.RunCounts;
import io.github.csmkit.hubspot.state.RunInfo;
import io.github.csmkit.hubspot.state.RunStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The SQL of scopes, runs and watermarks. Callers own the transaction. */
public final class RunStore {
  private static final String RUN_COLUMNS =
      "r.run_id, s.job_id, s.site, r.dry_run, r.status, r.holder, r.started_at, r.ended_at,"
          + " r.created, r.updated, r.unchanged, r.retried, r.failed, r.rejected, r.gone";

  private RunStore() {}

  /**
   * The scope of a job and site, if the state has one.
   *
   * @param c the connection
   * @param jobId the job
   * @param site the site
   * @return its id
   * @throws SQLException on a database error
   */
  public static OptionalLong findScope(Connection c, String jobId, String site)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT scope_id FROM scopes WHERE job_id = ? AND site = ?")) {
      ps.setString(1, jobId);
      ps.setString(2, site);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
      }
    }
  }

  /**
   * The scope of a job and site, created when missing (a write: call it in a transaction).
   *
   * @param c the connection
   * @param jobId the job
   * @param site the site
   * @return its id
   * @throws SQLException on a database error
   */
  public static long scope(Connection c, String jobId, String site) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO scopes (job_id, site) VALUES (?, ?) ON CONFLICT (job_id, site) DO NOTHING")) {
      ps.setString(1, jobId);
      ps.setString(2, site);
      ps.executeUpdate();
    }
    return findScope(c, jobId, site).orElseThrow();
  }

  /**
   * The newest run of a scope that started and never ended (it died): the one to resume.
   *
   * @param c the connection
   * @param scopeId the scope
   * @return the run
   * @throws SQLException on a database error
   */
  public static Optional<RunInfo> unfinished(Connection c, long scopeId) throws SQLException {
    List<RunInfo> runs =
        query(
            c,
            "WHERE r.scope_id = ? AND r.dry_run = 0 AND r.status = 'RUNNING'"
                + " ORDER BY r.started_at DESC LIMIT 1",
            scopeId);
    return runs.stream().findFirst();
  }

  /**
   * Every run of a scope, oldest first.
   *
   * @param c the connection
   * @param scopeId the scope
   * @return the runs
   * @throws SQLException on a database error
   */
  public static List<RunInfo> runs(Connection c, long scopeId) throws SQLException {
    return query(c, "WHERE r.scope_id = ? ORDER BY r.started_at, r.run_id", scopeId);
  }

  private static List<RunInfo> query(Connection c, String where, long scopeId) throws SQLException {
    String sql =
        "SELECT " + RUN_COLUMNS + " FROM runs r JOIN scopes s ON s.scope_id = r.scope_id " + where;
    List<RunInfo> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, scopeId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new RunInfo(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getInt(4) != 0,
                  RunStatus.valueOf(rs.getString(5)),
                  rs.getString(6),
                  Instant.parse(rs.getString(7)),
                  Optional.ofNullable(rs.getString(8)).map(Instant::parse),
                  new RunCounts(
                      rs.getLong(9),
                      rs.getLong(10),
                      rs.getLong(11),
                      rs.getLong(12),
                      rs.getLong(13),
                      rs.getLong(14),
                      rs.getLong(15))));
        }
      }
    }
    return out;
  }

  /**
   * Records a new run.
   *
   * @param c the connection
   * @param runId its id
   * @param scopeId its scope
   * @param dryRun whether it is a plan
   * @param holder who runs it
   * @param now when it starts
   * @throws SQLException on a database error
   */
  public static void insert(
      Connection c, String runId, long scopeId, boolean dryRun, String holder, Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO runs (run_id, scope_id, dry_run, status, holder, started_at)"
                + " VALUES (?, ?, ?, 'RUNNING', ?, ?)")) {
      ps.setString(1, runId);
      ps.setLong(2, scopeId);
      ps.setInt(3, dryRun ? 1 : 0);
      ps.setString(4, holder);
      ps.setString(5, Times.format(now));
      ps.executeUpdate();
    }
  }

  /**
   * Names the new holder of a resumed run.
   *
   * @param c the connection
   * @param runId the run
   * @param holder who runs it now
   * @throws SQLException on a database error
   */
  public static void resume(Connection c, String runId, String holder) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE runs SET holder = ? WHERE run_id = ?")) {
      ps.setString(1, holder);
      ps.setString(2, runId);
      ps.executeUpdate();
    }
  }

  /**
   * Ends a run.
   *
   * @param c the connection
   * @param runId the run
   * @param status how it ended
   * @param counts what it did
   * @param now when
   * @throws SQLException on a database error
   */
  public static void finish(
      Connection c, String runId, RunStatus status, RunCounts counts, Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE runs SET status = ?, ended_at = ?, created = ?, updated = ?, unchanged = ?,"
                + " retried = ?, failed = ?, rejected = ?, gone = ? WHERE run_id = ?")) {
      ps.setString(1, status.name());
      ps.setString(2, Times.format(now));
      ps.setLong(3, counts.created());
      ps.setLong(4, counts.updated());
      ps.setLong(5, counts.unchanged());
      ps.setLong(6, counts.retried());
      ps.setLong(7, counts.failed());
      ps.setLong(8, counts.rejected());
      ps.setLong(9, counts.gone());
      ps.setString(10, runId);
      ps.executeUpdate();
    }
  }

  /**
   * A scope's watermark for an object type.
   *
   * @param c the connection
   * @param scopeId the scope
   * @param type contact or company
   * @return the watermark
   * @throws SQLException on a database error
   */
  public static Optional<Instant> watermark(Connection c, long scopeId, ObjectType type)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT watermark FROM watermarks WHERE scope_id = ? AND object_type = ?")) {
      ps.setLong(1, scopeId);
      ps.setString(2, type.column());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(Instant.parse(rs.getString(1))) : Optional.empty();
      }
    }
  }

  /**
   * Moves a scope's watermark for an object type.
   *
   * @param c the connection
   * @param scopeId the scope
   * @param type contact or company
   * @param watermark the new watermark
   * @param runId the run that moves it
   * @param now when
   * @throws SQLException on a database error
   */
  public static void setWatermark(
      Connection c, long scopeId, ObjectType type, Instant watermark, String runId, Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO watermarks (scope_id, object_type, watermark, run_id, updated_at)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (scope_id, object_type) DO UPDATE SET"
                + " watermark = excluded.watermark, run_id = excluded.run_id,"
                + " updated_at = excluded.updated_at")) {
      ps.setLong(1, scopeId);
      ps.setString(2, type.column());
      ps.setString(3, Times.format(watermark));
      ps.setString(4, runId);
      ps.setString(5, Times.format(now));
      ps.executeUpdate();
    }
  }
}
