package io.github.csmkit.hubspot.source;

/**
 * The HubSpot API answered with an error, or could not be reached. The message names the request
 * (method and path, never the token) and HubSpot's message and correlation id.
 */
public class HubSpotApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String correlationId;

  /**
   * An exception for a failed request.
   *
   * @param status the HTTP status, or 0 when no response was received
   * @param message what failed
   * @param correlationId HubSpot's correlation id, or null
   * @param cause the underlying error, or null
   */
  public HubSpotApiException(int status, String message, String correlationId, Throwable cause) {
    super(message + (correlationId == null ? "" : " (correlationId " + correlationId + ")"), cause);
    this.status = status;
    this.correlationId = correlationId;
  }

  /** The HTTP status, or 0 when no response was received. */
  public int status() {
    return status;
  }

  /** HubSpot's correlation id, or null. */
  public String correlationId() {
    return correlationId;
  }
}
