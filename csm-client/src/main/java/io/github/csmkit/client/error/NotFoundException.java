package io.github.csmkit.client.error;

/**
 * 404: no such resource, for example a task whose results expired (kept about 3 days) or a wrong
 * cloud id.
 */
public class NotFoundException extends CsmServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * A new exception with this message and the facts of the answer (status, request id, body
   * excerpt, {@code Retry-After}).
   */
  public NotFoundException(String message, HttpFacts facts) {
    super(message, facts);
  }
}
