package io.github.csmkit.client.error;

/** 400: the server refused the request as malformed or invalid. */
public class BadRequestException extends CsmServiceException {
  private static final long serialVersionUID = 1L;

  public BadRequestException(String message, HttpFacts facts) {
    super(message, facts);
  }
}
