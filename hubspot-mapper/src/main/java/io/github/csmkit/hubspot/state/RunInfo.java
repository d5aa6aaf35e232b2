package io.github.csmkit.hubspot.state;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of the {@code runs} table.
 *
 * @param runId the run's id, unique, the same across a resume
 * @param jobId the job
 * @param site the CSM site (cloud id or base URL)
 * @param dryRun whether it was a plan that wrote nothing but this row
 * @param status where it is
 * @param holder who runs (or ran) it: process id, host; never a credential
 * @param startedAt when it first started
 * @param endedAt when it ended, empty while running
 * @param counts what it did, as reported when it ended
 */
public record RunInfo(
    String runId,
    String jobId,
    String site,
    boolean dryRun,
    RunStatus status,
    String holder,
    Instant startedAt,
    Optional<Instant> endedAt,
    RunCounts counts) {
  /** Checks that nothing is null. */
  public RunInfo {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(endedAt, "endedAt");
    Objects.requireNonNull(counts, "counts");
  }
}
