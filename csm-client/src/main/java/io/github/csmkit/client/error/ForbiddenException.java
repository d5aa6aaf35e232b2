package io.github.csmkit.client.error;

/**
 * 403: the credentials lack a permission the endpoint needs (many bulk endpoints need Administer
 * Jira).
 */
public class ForbiddenException extends CsmServiceException {
  private static final long serialVersionUID = 1L;

  public ForbiddenException(String message, HttpFacts facts) {
    super(message, facts);
  }
}
