package io.github.csmkit.client.error;

/**
 * 412: the experimental opt-in header was not accepted. csmkit always sends {@code
 * X-ExperimentalApi: opt-in}; a proxy may have dropped it.
 */
public class PreconditionFailedException extends CsmServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * A new exception with this message and the facts of the answer (status, request id, body
   * excerpt, {@code Retry-After}).
   */
  public PreconditionFailedException(String message, HttpFacts facts) {
    super(message, facts);
  }
}
