package io.github.csmkit.hubspot.source;

/** HubSpot answered 401: the private-app token is missing, wrong, expired or revoked. */
public class HubSpotAuthenticationException extends HubSpotApiException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception for a 401.
   *
   * @param message what failed
   * @param correlationId HubSpot's correlation id, or null
   */
  public HubSpotAuthenticationException(String message, String correlationId) {
    super(401, message, correlationId, null);
  }
}
