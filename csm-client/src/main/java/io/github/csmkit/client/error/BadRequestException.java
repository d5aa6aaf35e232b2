package io.github.csmkit.client.error;

/** 400: the server refused the request as malformed or invalid. */
public class BadRequestException extends CsmServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * A new exception with this message and the facts of the answer (status, request id, body
   * excerpt, {@code Retry-After}).
   */
  public BadRequestException(String message, HttpFacts facts) {
    super(message, facts);
  }
}
