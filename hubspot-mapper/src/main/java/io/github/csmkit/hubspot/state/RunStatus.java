package io.github.csmkit.hubspot.state;

/** Where a run is. */
public enum RunStatus {
  /** Started and not ended: still going, or died (then the next run of its job resumes it). */
  RUNNING,
  /** Ended after settling every record it read. */
  COMPLETED,
  /** Ended early on purpose (failure threshold, a configuration error); never resumed. */
  ABORTED
}
