package io.github.csmkit.client.error;

/**
 * 403: the credentials lack a permission the endpoint needs (many bulk endpoints need Administer
 * Jira).
 */
public class ForbiddenException extends CsmServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * A new exception with this message and the facts of the answer (status, request id, body
   * excerpt, {@code Retry-After}).
   */
  public ForbiddenException(String message, HttpFacts facts) {
    super(message, facts);
  }
}
