package io.github.csmkit.hubspot.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * A fault injected into one request: a delay before it is handled, or an answer in place of the
 * real one. Made by the static factories; queued with {@link HubSpotFaults}.
 */
public final class HubSpotFault {
  private final Duration delay;
  private final int status;
  private final String body;

  private HubSpotFault(Duration delay, int status, String body) {
    this.delay = delay;
    this.status = status;
    this.body = body;
  }

  /**
   * Waits (real time) before handling the request normally, as a slow HubSpot does.
   *
   * @param delay how long; not negative
   * @return the fault
   * @throws IllegalArgumentException when {@code delay} is negative
   */
  public static HubSpotFault delay(Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("negative delay: " + delay);
    }
    return new HubSpotFault(delay, 0, null);
  }

  /**
   * Answers 500 with a HubSpot error body, without handling the request.
   *
   * @return the fault
   */
  public static HubSpotFault serverError() {
    return new HubSpotFault(Duration.ZERO, 500, null);
  }

  /**
   * Answers 429 with HubSpot's daily-limit body ({@code policyName: DAILY}), without handling the
   * request.
   *
   * @return the fault
   */
  public static HubSpotFault dailyLimit() {
    return new HubSpotFault(Duration.ZERO, 429, null);
  }

  /**
   * Answers with this status and body (sent as {@code application/json}), without handling the
   * request.
   *
   * @param status the HTTP status
   * @param jsonBody the body
   * @return the fault
   */
  public static HubSpotFault answer(int status, String jsonBody) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("not an HTTP status: " + status);
    }
    return new HubSpotFault(Duration.ZERO, status, Objects.requireNonNull(jsonBody, "jsonBody"));
  }

  Duration delay() {
    return delay;
  }

  /** The status to answer instead of handling, or 0 to handle the request. */
  int status() {
    return status;
  }

  /** The body of {@link #answer}, or null for the built-in bodies. */
  String body() {
    return body;
  }

  @Override
  public String toString() {
    return status == 0 ? "HubSpotFault[delay " + delay + "]" : "HubSpotFault[" + status + "]";
  }
}
