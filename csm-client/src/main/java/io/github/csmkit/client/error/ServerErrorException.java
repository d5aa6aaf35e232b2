package io.github.csmkit.client.error;

/** 5xx: the server failed; retried by default, thrown when the retries ran out. */
public class ServerErrorException extends CsmServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * A new exception with this message and the facts of the answer (status, request id, body
   * excerpt, {@code Retry-After}).
   */
  public ServerErrorException(String message, HttpFacts facts) {
    super(message, facts);
  }
}
