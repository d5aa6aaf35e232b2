package io.github.csmkit.client.error;

/**
 * 400 "Maximum number of tasks reached": the site already runs its limit of unfinished bulk tasks.
 * Back-pressure, not a bad request: wait for tasks to finish and resubmit with the same idempotency
 * key.
 */
public class TaskLimitReachedException extends BadRequestException {
  private static final long serialVersionUID = 1L;

  /**
   * A new exception with this message and the facts of the answer (status, request id, body
   * excerpt, {@code Retry-After}).
   */
  public TaskLimitReachedException(String message, HttpFacts facts) {
    super(message, facts);
  }
}
