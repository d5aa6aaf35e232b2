package io.github.csmkit.client.error;

/**
 * 429: rate limited, and either the retries ran out or the server asked for a wait longer than the
 * retry policy's cap. {@link #retryAfter()} tells how long to wait.
 */
public class RateLimitedException extends CsmServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * A new exception with this message and the facts of the answer (status, request id, body
   * excerpt, {@code Retry-After}).
   */
  public RateLimitedException(String message, HttpFacts facts) {
    super(message, facts);
  }
}
