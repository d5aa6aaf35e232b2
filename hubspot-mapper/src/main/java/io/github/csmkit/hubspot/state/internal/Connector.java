package io.github.csmkit.hubspot.state.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * Opens connections to a state given as a file path, a JDBC URL or a {@link DataSource}, and
 * describes it without credentials. SQLite connections get WAL mode, a busy timeout, foreign keys
 * and immediate (write-locking) transactions.
 */
public final class Connector {
  private static final String SQLITE = "jdbc:sqlite:";
  private static final int SQLITE_BUSY = 5;

  /** Opens a connection. */
  @FunctionalInterface
  private interface Opener {
    Connection open() throws SQLException;
  }

  private final Opener opener;
  private final String description;
  private final Duration busyTimeout;

  private Connector(Opener opener, String description, Duration busyTimeout) {
    this.opener = opener;
    this.description = description;
    this.busyTimeout = busyTimeout;
  }

  /**
   * A state at a file path (SQLite) or a JDBC URL. For PostgreSQL URLs without credentials, the
   * user and password come from {@code PGUSER} and {@code PGPASSWORD} in {@code env}.
   *
   * @param location a path or a {@code jdbc:} URL
   * @param env the environment
   * @param busyTimeout how long a SQLite writer waits for another
   * @return the connector
   * @throws IOException when a path's parent folders cannot be created
   */
  public static Connector of(String location, Map<String, String> env, Duration busyTimeout)
      throws IOException {
    String url;
    if (location.regionMatches(true, 0, "jdbc:", 0, 5)) {
      url = location;
    } else {
      Path file = Path.of(location).toAbsolutePath();
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      url = SQLITE + file;
    }
    Properties props = new Properties();
    if (url.startsWith(SQLITE)) {
      // WAL is set in open(), after the busy timeout: switching to it waits for other openers
      props.setProperty("busy_timeout", Long.toString(busyTimeout.toMillis()));
      props.setProperty("foreign_keys", "true");
      // writes take the write lock when they begin, so two writers wait instead of deadlocking
      props.setProperty("transaction_mode", "IMMEDIATE");
    } else if (url.startsWith("jdbc:postgresql:") && !hasUser(url)) {
      putIfPresent(props, "user", env.get("PGUSER"));
      putIfPresent(props, "password", env.get("PGPASSWORD"));
    }
    String finalUrl = url;
    return new Connector(
        () -> DriverManager.getConnection(finalUrl, props), Redact.url(url), busyTimeout);
  }

  /**
   * A state behind a data source.
   *
   * @param dataSource the data source
   * @param description how to name it in messages; redacted like a URL
   * @param busyTimeout how long a SQLite writer waits for another
   * @return the connector
   */
  public static Connector of(DataSource dataSource, String description, Duration busyTimeout) {
    return new Connector(dataSource::getConnection, Redact.url(description), busyTimeout);
  }

  private static boolean hasUser(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    return lower.contains("user=") || url.matches("(?s)jdbc:postgresql://[^/?#]*@.*");
  }

  private static void putIfPresent(Properties p, String key, String value) {
    if (value != null && !value.isEmpty()) {
      p.setProperty(key, value);
    }
  }

  /**
   * Opens a connection in auto-commit mode; on SQLite, sets WAL, the busy timeout and foreign keys
   * (again, for data sources that did not).
   *
   * @return the connection
   * @throws SQLException on a database error
   */
  public Connection open() throws SQLException {
    Connection c = opener.open();
    try {
      c.setAutoCommit(true);
      if (Dialect.of(c) == Dialect.SQLITE) {
        try (Statement s = c.createStatement()) {
          s.execute("PRAGMA busy_timeout = " + busyTimeout.toMillis());
          walMode(s);
          s.execute("PRAGMA foreign_keys = ON");
        }
      }
      return c;
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  /**
   * Switches to WAL. Two openers converting a new file at once both hold a shared lock and want an
   * exclusive one: SQLite answers one of them SQLITE_BUSY at once, without its busy handler (it
   * would deadlock), so that one retries until the busy timeout.
   */
  private void walMode(Statement s) throws SQLException {
    long deadline = System.nanoTime() + busyTimeout.toNanos();
    while (true) {
      try {
        s.execute("PRAGMA journal_mode = WAL");
        return;
      } catch (SQLException e) {
        boolean busy =
            e.getErrorCode() == SQLITE_BUSY
                || String.valueOf(e.getMessage()).contains("SQLITE_BUSY");
        if (!busy || System.nanoTime() > deadline) {
          throw e;
        }
        try {
          Thread.sleep(10);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /**
   * The database file of a SQLite connection, empty for an in-memory database and for other
   * databases.
   *
   * @param c an open connection
   * @return the file
   * @throws SQLException when the metadata cannot be read
   */
  public static Optional<Path> sqliteFile(Connection c) throws SQLException {
    return sqliteFile(c.getMetaData().getURL());
  }

  /**
   * The database file a SQLite JDBC URL names.
   *
   * @param url the URL, or null
   * @return the file; empty for an in-memory database and for other databases
   */
  public static Optional<Path> sqliteFile(String url) {
    if (url == null || !url.startsWith(SQLITE)) {
      return Optional.empty();
    }
    String rest = url.substring(SQLITE.length());
    if (rest.startsWith("file:")) {
      rest = rest.substring(5);
    }
    int q = rest.indexOf('?');
    if (q >= 0) {
      if (rest.substring(q).contains("mode=memory")) {
        return Optional.empty();
      }
      rest = rest.substring(0, q);
    }
    if (rest.isEmpty() || rest.startsWith(":memory:") || rest.startsWith(":resource:")) {
      return Optional.empty();
    }
    return Optional.of(Path.of(rest).toAbsolutePath());
  }

  /**
   * The state's location without credentials.
   *
   * @return the description
   */
  public String description() {
    return description;
  }
}
