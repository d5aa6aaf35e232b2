package io.github.csmkit.hubspot.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csmkit.hubspot.state.internal.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract on SQLite files, plus what only SQLite has: WAL, a lock file, in-memory states. */
class SqliteSyncStateTest extends SyncStateContract {
  @TempDir Path dir;

  Path file() {
    return dir.resolve("nested/folder/" + SyncState.DEFAULT_FILE_NAME);
  }

  @Override
  String location() {
    return file().toString();
  }

  @Override
  Connection rawConnection() throws Exception {
    Files.createDirectories(file().getParent());
    return DriverManager.getConnection("jdbc:sqlite:" + file());
  }

  @Override
  Dialect dialect() {
    return Dialect.SQLITE;
  }

  @Test
  void aPathBecomesAWalModeFileWithItsFoldersAndALockFile() throws Exception {
    SyncState state = open();
    assertThat(state.location()).isEqualTo("jdbc:sqlite:" + file().toAbsolutePath());
    assertThat(state.toString()).contains(file().toAbsolutePath().toString());
    try (SyncRun run = state.beginRun(JOB, SITE, false)) {
      assertThat(dir.resolve("nested/folder/" + SyncState.DEFAULT_FILE_NAME + "-lock")).exists();
    }
    try (Connection c = rawConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
    }
  }

  @Test
  void aJdbcUrlAndAnInMemoryDatabaseWorkToo() {
    try (SyncState state = SyncState.open("jdbc:sqlite:" + dir.resolve("by-url.db"));
        SyncRun run = state.beginRun(JOB, SITE, false)) {
      run.settle(List.of(contact("1", "qm:1", "a@example.com", Map.of())));
      assertThat(run.count(ObjectType.CONTACT)).isEqualTo(1);
    }
    try (SyncState memory = SyncState.open("jdbc:sqlite::memory:");
        SyncRun run = memory.beginRun(JOB, SITE, false)) {
      run.settle(List.of(contact("1", "qm:1", "a@example.com", Map.of())));
      assertThat(run.record(ObjectType.CONTACT, "1")).isPresent();
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> memory.beginRun(JOB, SITE, false))
          .isInstanceOf(StateLockedException.class);
    }
  }

  @Test
  void aDataSourceIsLockedThroughItsFileToo() throws Exception {
    Files.createDirectories(file().getParent());
    org.sqlite.SQLiteDataSource ds = new org.sqlite.SQLiteDataSource();
    ds.setUrl("jdbc:sqlite:" + file());
    try (SyncState viaDataSource = SyncState.open(ds, "my pool");
        SyncRun run = viaDataSource.beginRun(JOB, SITE, false)) {
      assertThat(viaDataSource.toString()).isEqualTo("SyncState[my pool]");
      run.settle(List.of(contact("1", "qm:1", "a@example.com", Map.of())));
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> open().beginRun(JOB, SITE, false))
          .isInstanceOf(StateLockedException.class);
    }
    try (SyncRun run = open().beginRun(JOB, SITE, false)) {
      assertThat(run.record(ObjectType.CONTACT, "1")).isPresent();
    }
  }

  @Test
  void aLocationThatIsNotADatabaseFailsClearly() throws Exception {
    Path notADatabase = dir.resolve("notes.txt");
    Files.writeString(
        notADatabase, "this is not a SQLite file, but long enough to look at".repeat(20));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> SyncState.open(notADatabase.toString()))
        .isInstanceOf(SyncStateException.class)
        .hasMessageContaining(notADatabase.toString());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SyncState.open("jdbc:nosuchdb://x"))
        .isInstanceOf(SyncStateException.class)
        .hasMessageContaining("jdbc:nosuchdb://x");
  }

  /** The targeted queries, on this database. */
  @Nested
  class Queries extends StateQueriesContract {
    @Override
    String location() {
      return SqliteSyncStateTest.this.location();
    }

    @Override
    Connection rawConnection() throws Exception {
      return SqliteSyncStateTest.this.rawConnection();
    }

    @Override
    Dialect dialect() {
      return Dialect.SQLITE;
    }
  }
}
