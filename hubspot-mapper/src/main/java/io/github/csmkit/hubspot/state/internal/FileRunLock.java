package io.github.csmkit.hubspot.state.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The run lock of a SQLite state: an OS lock on one byte of a lock file beside the database, at an
 * offset derived from the job and site (so jobs sharing a state do not block each other). The
 * operating system releases it when the holding process dies.
 */
public final class FileRunLock implements RunLock {
  private final FileChannel channel;
  private final FileLock lock;

  private FileRunLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * The lock file of a database file.
   *
   * @param database the SQLite file
   * @return {@code <database>-lock}
   */
  public static Path lockFile(Path database) {
    return database.resolveSibling(database.getFileName() + "-lock");
  }

  /**
   * Tries to take the lock.
   *
   * @param database the SQLite file
   * @param jobId the job
   * @param site the site
   * @return the held lock, or null when another process or another opener in this JVM holds it
   * @throws IOException when the lock file cannot be opened
   */
  public static FileRunLock tryAcquire(Path database, String jobId, String site)
      throws IOException {
    // a non-negative offset below 2^62: byte-range locks may lie beyond the end of a file
    long offset = RunLock.key(jobId, site) & 0x3FFF_FFFF_FFFF_FFFFL;
    FileChannel ch =
        FileChannel.open(lockFile(database), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      FileLock l = ch.tryLock(offset, 1, false);
      if (l == null) {
        ch.close();
        return null;
      }
      return new FileRunLock(ch, l);
    } catch (OverlappingFileLockException e) {
      // another opener in this JVM holds it
      ch.close();
      return null;
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  @Override
  public void close() {
    try {
      if (lock.isValid()) {
        lock.release();
      }
      channel.close();
    } catch (IOException e) {
      // the channel is closed either way, and closing it releases the lock
    }
  }
}
