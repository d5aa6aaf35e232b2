package io.github.csmkit.client.error;

/**
 * Root of every exception csmkit throws. All are unchecked; partial failure of a bulk task is data
 * ({@code TaskStatus.failures()}), not an exception.
 */
public class CsmException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A new exception with this message. */
  public CsmException(String message) {
    super(message);
  }

  /** A new exception with this message and cause. */
  public CsmException(String message, Throwable cause) {
    super(message, cause);
  }
}
