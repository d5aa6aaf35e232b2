package io.github.csmkit.client.error;

/**
 * The server answered with success but a body that is not what the API promises: not JSON, too
 * large, or missing a required field.
 */
public class InvalidResponseException extends CsmServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * A new exception with this message and the facts of the answer (status, request id, body
   * excerpt, {@code Retry-After}).
   */
  public InvalidResponseException(String message, HttpFacts facts) {
    super(message, facts);
  }
}
