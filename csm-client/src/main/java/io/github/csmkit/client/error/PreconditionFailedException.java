package io.github.csmkit.client.error;

/**
 * 412: the experimental opt-in header was not accepted. csmkit always sends {@code
 * X-ExperimentalApi: opt-in}; a proxy may have dropped it.
 */
public class PreconditionFailedException extends CsmServiceException {
  private static final long serialVersionUID = 1L;

  public PreconditionFailedException(String message, HttpFacts facts) {
    super(message, facts);
  }
}
