package io.github.csmkit.hubspot.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.csmkit.hubspot.state.internal.Dialect;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The contract on a real PostgreSQL 14 (embedded, started from Maven), a database per test. */
class PostgresSyncStateTest extends SyncStateContract {
  static EmbeddedPostgres pg;
  static final AtomicInteger DATABASES = new AtomicInteger();
  String database;

  @BeforeAll
  static void start() throws Exception {
    pg = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stop() throws Exception {
    pg.close();
  }

  @BeforeEach
  void freshDatabase() throws Exception {
    database = "state_" + DATABASES.incrementAndGet();
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + database);
    }
  }

  String url() {
    return "jdbc:postgresql://localhost:" + pg.getPort() + "/" + database;
  }

  @Override
  String location() {
    return url() + "?user=postgres";
  }

  @Override
  Connection rawConnection() throws Exception {
    return DriverManager.getConnection(location());
  }

  @Override
  Dialect dialect() {
    return Dialect.POSTGRESQL;
  }

  @Test
  void passwordsNeverShowInTheLocationToStringOrErrors() {
    String secret = "s3cr3t-pw";
    try (SyncState state = SyncState.open(url() + "?user=postgres&password=" + secret)) {
      assertThat(state.toString()).doesNotContain(secret).contains("password=***");
      assertThat(state.location()).doesNotContain(secret);
    }
    String withUserInfo =
        "jdbc:postgresql://postgres:" + secret + "@localhost:" + pg.getPort() + "/nosuchdb";
    assertThatThrownBy(() -> SyncState.open(withUserInfo))
        .isInstanceOf(SyncStateException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret).contains("***@"));
    assertThatThrownBy(
            () ->
                SyncState.open(
                    url().replace(database, "nosuchdb") + "?user=postgres&password=" + secret))
        .isInstanceOf(SyncStateException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret));
  }

  @Test
  void credentialsMayComeFromTheEnvironment() {
    try (SyncState state =
            SyncState.builder()
                .location(url())
                .environment(Map.of("PGUSER", "postgres", "PGPASSWORD", "from-env"))
                .open();
        SyncRun run = state.beginRun(JOB, SITE, false)) {
      run.settle(List.of(contact("1", "qm:1", "a@example.com", Map.of())));
      assertThat(state.toString()).doesNotContain("from-env");
    }
    assertThatThrownBy(
            () ->
                SyncState.builder()
                    .location(url())
                    .environment(Map.of("PGUSER", "nobody-here"))
                    .open())
        .isInstanceOf(SyncStateException.class);
  }

  @Test
  void aDataSourceWorksAndTheLockIsHeldByTheRunsOwnSession() throws Exception {
    try (SyncState state = SyncState.open(pg.getDatabase("postgres", database), "embedded");
        SyncRun run = state.beginRun(JOB, SITE, false);
        Connection c = rawConnection();
        Statement s = c.createStatement();
        var rs =
            s.executeQuery(
                "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND granted")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(1);
      assertThat(run.resumed()).isFalse();
    }
  }

  @Test
  void aRunWhoseSessionIsLostCannotWriteBesideTheNextHolder() throws Exception {
    SyncState state = open();
    SyncRun run = state.beginRun(JOB, SITE, false);
    toClose.add(run);
    run.settle(List.of(contact("1", "qm:1", "a@example.com", Map.of())));
    try (Connection c = rawConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted");
      // the backend ends a moment after the signal: on a busy machine the lock outlived it
      for (int i = 0; i < 200 && advisoryLocks(s) > 0; i++) {
        Thread.sleep(25);
      }
    }
    try (SyncRun next = open().beginRun(JOB, SITE, false)) {
      assertThat(next.runId())
          .as("the lost run is resumed by the next holder")
          .isEqualTo(run.runId());
      assertThatThrownBy(() -> run.settle(List.of(contact("2", "qm:2", "b@example.com", Map.of()))))
          .isInstanceOf(SyncStateException.class);
      assertThat(next.record(ObjectType.CONTACT, "2")).isEmpty();
      assertThat(next.record(ObjectType.CONTACT, "1")).isPresent();
    }
  }

  private static int advisoryLocks(Statement s) throws SQLException {
    try (var rs =
        s.executeQuery("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND granted")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** The targeted queries, on this database. */
  @Nested
  class Queries extends StateQueriesContract {
    @Override
    String location() {
      return PostgresSyncStateTest.this.location();
    }

    @Override
    Connection rawConnection() throws Exception {
      return PostgresSyncStateTest.this.rawConnection();
    }

    @Override
    Dialect dialect() {
      return Dialect.POSTGRESQL;
    }
  }
}
