package io.github.csmkit.client.error;

/** 5xx: the server failed; retried by default, thrown when the retries ran out. */
public class ServerErrorException extends CsmServiceException {
  private static final long serialVersionUID = 1L;

  public ServerErrorException(String message, HttpFacts facts) {
    super(message, facts);
  }
}
