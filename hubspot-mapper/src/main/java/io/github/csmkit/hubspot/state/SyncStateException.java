package io.github.csmkit.hubspot.state;

/**
 * The sync state could not be opened, read or written: a database error, a schema newer than this
 * csmkit, a location that is not a database. Its message never carries a password.
 */
public class SyncStateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, without credentials
   * @param cause the database error, or null
   */
  public SyncStateException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Creates the exception without a cause.
   *
   * @param message what went wrong, without credentials
   */
  public SyncStateException(String message) {
    super(message);
  }
}
