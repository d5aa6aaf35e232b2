package io.github.csmkit.hubspot.state.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.util.Optional;

/**
 * A held lock on one job and site of a state, released by {@link #close()} or by the death of the
 * process (or connection) that holds it, so a crashed run never locks its job forever.
 */
public interface RunLock extends AutoCloseable {
  /**
   * The database session that holds the lock, when the lock is one (PostgreSQL): the run must read
   * and write through it, so that a run whose session is lost cannot write beside the next holder.
   *
   * @return the session, closed by {@link #close()}; empty for a file lock
   */
  default Optional<Connection> session() {
    return Optional.empty();
  }

  /** Releases the lock; idempotent. */
  @Override
  void close();

  /**
   * A 64-bit key for a job and site: the first 8 bytes of SHA-256 over {@code job NUL site}.
   *
   * @param jobId the job
   * @param site the site
   * @return the key
   */
  static long key(String jobId, String site) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256")
              .digest((jobId + '\0' + site).getBytes(StandardCharsets.UTF_8));
      long k = 0;
      for (int i = 0; i < 8; i++) {
        k = (k << 8) | (d[i] & 0xff);
      }
      return k;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
