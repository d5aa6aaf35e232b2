package io.github.csmkit.client.model;

import java.util.Locale;

/**
 * Where a bulk task is in its life. The guide's PROCESSING and COMPLETED are read as IN_PROGRESS
 * and FINISHED.
 */
public enum TaskState {
  /** Queued. */
  NOT_STARTED(false),
  /** Running. */
  IN_PROGRESS(false),
  /** Done; some records may still have failed (see the failures). */
  FINISHED(true),
  /** The task failed or timed out as a whole. */
  FAILED(true),
  /** A status this version does not know; treated as not finished. */
  UNKNOWN(false);

  private final boolean terminal;

  TaskState(boolean terminal) {
    this.terminal = terminal;
  }

  /** True for FINISHED and FAILED: the task will not change any more. */
  public boolean isTerminal() {
    return terminal;
  }

  /** The state of a status string from the server; never throws. */
  public static TaskState parse(String status) {
    if (status == null) {
      return UNKNOWN;
    }
    return switch (status.trim().toUpperCase(Locale.ROOT)) {
      case "NOT_STARTED", "QUEUED", "PENDING" -> NOT_STARTED;
      case "IN_PROGRESS", "PROCESSING", "RUNNING" -> IN_PROGRESS;
      case "FINISHED", "COMPLETED", "COMPLETE" -> FINISHED;
      case "FAILED" -> FAILED;
      default -> UNKNOWN;
    };
  }
}
