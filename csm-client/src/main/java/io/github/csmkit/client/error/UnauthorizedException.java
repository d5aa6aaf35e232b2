package io.github.csmkit.client.error;

/** 401: missing, expired or wrong credentials. */
public class UnauthorizedException extends CsmServiceException {
  private static final long serialVersionUID = 1L;

  public UnauthorizedException(String message, HttpFacts facts) {
    super(message, facts);
  }
}
