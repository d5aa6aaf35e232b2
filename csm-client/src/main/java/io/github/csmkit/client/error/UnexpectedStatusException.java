package io.github.csmkit.client.error;

/** A status that no other exception describes. */
public class UnexpectedStatusException extends CsmServiceException {
  private static final long serialVersionUID = 1L;

  public UnexpectedStatusException(String message, HttpFacts facts) {
    super(message, facts);
  }
}
