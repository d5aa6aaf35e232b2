package io.github.csmkit.client.error;

/** A status that no other exception describes. */
public class UnexpectedStatusException extends CsmServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * A new exception with this message and the facts of the answer (status, request id, body
   * excerpt, {@code Retry-After}).
   */
  public UnexpectedStatusException(String message, HttpFacts facts) {
    super(message, facts);
  }
}
