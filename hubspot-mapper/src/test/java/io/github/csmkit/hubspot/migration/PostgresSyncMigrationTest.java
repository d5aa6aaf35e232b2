package io.github.csmkit.hubspot.migration;

import io.github.csmkit.hubspot.state.SyncState;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The sync scenarios of {@link SyncMigrationTest} with the state in a real PostgreSQL server. */
class PostgresSyncMigrationTest extends SyncMigrationTest {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres pg;

  @BeforeAll
  static void startPostgres() throws Exception {
    pg = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    pg.close();
  }

  @Override
  SyncState openState() throws Exception {
    String database = "migration_" + DATABASES.incrementAndGet();
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + database);
    }
    return SyncState.open(
        "jdbc:postgresql://localhost:" + pg.getPort() + "/" + database + "?user=postgres");
  }
}
