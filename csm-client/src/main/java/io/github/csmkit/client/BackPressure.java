package io.github.csmkit.client;

/**
 * Who waits when the server pushes back on a bulk submit: the tenant's limit of unfinished tasks
 * (400 "Maximum number of tasks reached") or a rate limit (429).
 */
public enum BackPressure {
  /** The client waits and retries, within its {@link RetryPolicy} and call deadline. */
  CLIENT,
  /**
   * The call fails at once with {@link io.github.csmkit.client.error.TaskLimitReachedException} or
   * {@link io.github.csmkit.client.error.RateLimitedException} (with its {@code Retry-After}); the
   * caller owns the wait. Other failures (I/O, 5xx) are still retried by the client. The import
   * engine submits this way, so that one loop paces its submits.
   */
  CALLER
}
