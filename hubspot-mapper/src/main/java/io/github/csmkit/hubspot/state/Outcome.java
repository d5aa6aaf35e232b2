package io.github.csmkit.hubspot.state;

/** How a record's last attempt ended. */
public enum Outcome {
  /** CSM applied it; the state's hashes and memberships are what CSM has. */
  IMPORTED,
  /** CSM refused it (the detail is the server's message); the next run sends it again. */
  FAILED,
  /** It was never sent: a local rule refused it (the detail names the rule). */
  REJECTED
}
