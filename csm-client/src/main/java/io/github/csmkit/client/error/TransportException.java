package io.github.csmkit.client.error;

/**
 * No answer from the server: the connection failed or was reset, an attempt timed out, or the
 * call's overall deadline passed. Retried by default; thrown when the retries or the deadline ran
 * out.
 */
public class TransportException extends CsmException {
  private static final long serialVersionUID = 1L;

  /** A new exception with this message and the I/O or timeout failure that caused it. */
  public TransportException(String message, Throwable cause) {
    super(message, cause);
  }
}
