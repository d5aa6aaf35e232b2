package io.github.csmkit.client.error;

/** 401: missing, expired or wrong credentials. */
public class UnauthorizedException extends CsmServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * A new exception with this message and the facts of the answer (status, request id, body
   * excerpt, {@code Retry-After}).
   */
  public UnauthorizedException(String message, HttpFacts facts) {
    super(message, facts);
  }
}
