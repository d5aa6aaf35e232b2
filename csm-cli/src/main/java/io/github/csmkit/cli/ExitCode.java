package io.github.csmkit.cli;

/** The documented exit codes of {@code csmkit} (docs/CLI.md). */
final class ExitCode {
  /** Success: everything ran; failures, if any, stayed at or below the threshold. */
  static final int OK = 0;

  /** Failures above the threshold, verification failed, or an error while running. */
  static final int FAILURES = 1;

  /** A usage error: unknown or missing option, bad value, missing input file. */
  static final int USAGE = 2;

  /**
   * Authentication or configuration: 401/403/412, missing token, bad mapping file, wrong journal.
   */
  static final int CONFIG = 3;

  /** Stopped before the end: interrupted, tasks whose end was not seen, a task wait timed out. */
  static final int STOPPED = 4;

  /**
   * Another run of the same job and site holds the state's lock (a scheduled sync that overlaps the
   * previous one, or another machine): nothing was done, try again later.
   */
  static final int LOCKED = 5;

  private ExitCode() {}
}
