package io.github.csmkit.client.error;

/**
 * An {@code Idempotency-Key} was reused with a different request body. The status is not
 * documented: csmkit recognises 409, 422, and any 4xx whose body speaks of the idempotency key.
 */
public class IdempotencyConflictException extends CsmServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * A new exception with this message and the facts of the answer (status, request id, body
   * excerpt, {@code Retry-After}).
   */
  public IdempotencyConflictException(String message, HttpFacts facts) {
    super(message, facts);
  }
}
