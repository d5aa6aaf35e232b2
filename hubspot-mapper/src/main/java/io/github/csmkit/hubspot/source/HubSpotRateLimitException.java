package io.github.csmkit.hubspot.source;

/**
 * HubSpot refused a request for its rate limit and the client stopped: the {@code DAILY} limit
 * (which resets at midnight in the portal's time zone — do not retry in a loop), or a burst limit
 * that persisted through every retry.
 */
public class HubSpotRateLimitException extends HubSpotApiException {
  private static final long serialVersionUID = 1L;

  private final String policyName;

  /**
   * An exception for a 429.
   *
   * @param message what failed
   * @param policyName HubSpot's {@code policyName}, e.g. {@code DAILY}, or null
   * @param correlationId HubSpot's correlation id, or null
   */
  public HubSpotRateLimitException(String message, String policyName, String correlationId) {
    super(429, message, correlationId, null);
    this.policyName = policyName;
  }

  /** HubSpot's {@code policyName}: {@code DAILY}, {@code TEN_SECONDLY_ROLLING}, ... or null. */
  public String policyName() {
    return policyName;
  }
}
