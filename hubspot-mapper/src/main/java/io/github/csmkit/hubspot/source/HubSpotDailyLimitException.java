package io.github.csmkit.hubspot.source;

/**
 * HubSpot's daily API limit is reached ({@code 429} with policy {@code DAILY}). It resets at
 * midnight in the portal's time zone, so retrying now only burns requests: a sync stops the run
 * here, keeps what settled in its state with the watermark where it was, and the next run continues
 * from there.
 */
public class HubSpotDailyLimitException extends HubSpotRateLimitException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception for the daily 429.
   *
   * @param request the method and path that was refused
   * @param message HubSpot's message
   * @param correlationId HubSpot's correlation id, or null
   */
  public HubSpotDailyLimitException(String request, String message, String correlationId) {
    super(
        request
            + ": HubSpot's daily API limit is reached (it resets at midnight in the portal's time"
            + " zone). The run stops here; what settled stays saved with the watermark where it"
            + " was, and the next run continues from it: "
            + message,
        "DAILY",
        correlationId);
  }
}
