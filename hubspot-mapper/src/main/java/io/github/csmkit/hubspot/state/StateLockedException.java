package io.github.csmkit.hubspot.state;

/**
 * Another run of the same job and site holds the state: two runs never interleave. Names the job,
 * the site and the holder (process id and host, its run id and since when, when known).
 */
public final class StateLockedException extends SyncStateException {
  private static final long serialVersionUID = 1L;
  private final String jobId;
  private final String site;
  private final String holder;

  /**
   * Creates the exception.
   *
   * @param jobId the job
   * @param site the site
   * @param holder who holds it, or {@code unknown}
   */
  public StateLockedException(String jobId, String site, String holder) {
    super(
        "Another run of job '"
            + jobId
            + "' on site '"
            + site
            + "' holds the sync state ("
            + holder
            + "); it is refused rather than interleaved: wait for that run to end, or stop it."
            + " A run that died releases the lock with its process.");
    this.jobId = jobId;
    this.site = site;
    this.holder = holder;
  }

  /**
   * The job whose lock is held.
   *
   * @return the job id
   */
  public String jobId() {
    return jobId;
  }

  /**
   * The site whose lock is held.
   *
   * @return the site
   */
  public String site() {
    return site;
  }

  /**
   * Who holds the lock: process id and host, run id and since when, or {@code unknown}.
   *
   * @return the holder
   */
  public String holder() {
    return holder;
  }
}
