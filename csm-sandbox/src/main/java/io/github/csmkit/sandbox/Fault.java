package io.github.csmkit.sandbox;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * Something that goes wrong with one request, injected with {@link Faults}. Immutable; a fault can
 * be queued any number of times.
 */
public final class Fault {
  enum Kind {
    STATUS,
    RATE_LIMITED,
    SERVICE_UNAVAILABLE,
    RESET_BEFORE,
    RESET_AFTER,
    DELAY,
    MALFORMED_BODY,
    TASK_STUCK,
    TASK_FAILED
  }

  final Kind kind;
  final int status;
  final String body;
  final String retryAfter;
  final Duration delay;
  final String message;

  private Fault(
      Kind kind, int status, String body, String retryAfter, Duration delay, String message) {
    this.kind = kind;
    this.status = status;
    this.body = body;
    this.retryAfter = retryAfter;
    this.delay = delay;
    this.message = message;
  }

  /**
   * Answers with a status and {@code {"message":"Injected fault: HTTP <code>"}}, without
   * processing.
   *
   * @param code the HTTP status, 100 to 599
   * @return the fault
   * @throws IllegalArgumentException if the code is not an HTTP status
   */
  public static Fault status(int code) {
    return status(code, "{\"message\":\"Injected fault: HTTP " + code + "\"}");
  }

  /**
   * Answers with a status and the given body (sent as {@code application/json}), without
   * processing.
   *
   * @param code the HTTP status, 100 to 599
   * @param body the body, sent as is
   * @return the fault
   * @throws IllegalArgumentException if the code is not an HTTP status
   */
  public static Fault status(int code, String body) {
    if (code < 100 || code > 599) {
      throw new IllegalArgumentException("not an HTTP status: " + code);
    }
    return new Fault(Kind.STATUS, code, Objects.requireNonNull(body, "body"), null, null, null);
  }

  /**
   * 429 with {@code Retry-After} in whole seconds (rounded up).
   *
   * @param retryAfter the wait to announce
   * @return the fault
   */
  public static Fault rateLimited(Duration retryAfter) {
    return new Fault(
        Kind.RATE_LIMITED, 429, message("Rate limit exceeded"), seconds(retryAfter), null, null);
  }

  /**
   * 429 with {@code Retry-After} as an HTTP date.
   *
   * @param at the moment the client may retry
   * @return the fault
   */
  public static Fault rateLimitedAt(ZonedDateTime at) {
    String date =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(at.withZoneSameInstant(ZoneOffset.UTC));
    return new Fault(Kind.RATE_LIMITED, 429, message("Rate limit exceeded"), date, null, null);
  }

  /**
   * 429 without {@code Retry-After}.
   *
   * @return the fault
   */
  public static Fault rateLimitedNoHeader() {
    return new Fault(Kind.RATE_LIMITED, 429, message("Rate limit exceeded"), null, null, null);
  }

  /**
   * 503 with {@code Retry-After} in whole seconds (rounded up).
   *
   * @param retryAfter the wait to announce
   * @return the fault
   */
  public static Fault serviceUnavailable(Duration retryAfter) {
    return new Fault(
        Kind.SERVICE_UNAVAILABLE,
        503,
        message("Service unavailable"),
        seconds(retryAfter),
        null,
        null);
  }

  /**
   * Drops the connection without answering and without processing the request: nothing is created.
   *
   * @return the fault
   */
  public static Fault resetBeforeProcessing() {
    return new Fault(Kind.RESET_BEFORE, 0, null, null, null, null);
  }

  /**
   * Processes the request (a task is created and its idempotency key remembered), then drops the
   * connection without answering, as if the answer were lost on the way.
   *
   * @return the fault
   */
  public static Fault resetAfterProcessing() {
    return new Fault(Kind.RESET_AFTER, 0, null, null, null, null);
  }

  /**
   * Processes the request normally but answers only after a real-time delay.
   *
   * @param delay how long to wait before answering
   * @return the fault
   */
  public static Fault delay(Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("negative delay: " + delay);
    }
    return new Fault(Kind.DELAY, 0, null, null, delay, null);
  }

  /**
   * Answers 200 with a body that is not valid JSON, without processing.
   *
   * @return the fault
   */
  public static Fault malformedBody() {
    return new Fault(Kind.MALFORMED_BODY, 200, "{\"id\": \"broken", null, null, null);
  }

  /**
   * Processes a bulk request, but the task it creates stays {@code IN_PROGRESS} forever (it still
   * counts toward the tenant's task limit). Ignored by other routes.
   *
   * @return the fault
   */
  public static Fault taskStuck() {
    return new Fault(Kind.TASK_STUCK, 0, null, null, null, null);
  }

  /**
   * Processes a bulk request, but the task it creates ends {@code FAILED} with the given message
   * and none of its records applied. Ignored by other routes.
   *
   * @param message the task's message
   * @return the fault
   */
  public static Fault taskFailed(String message) {
    return new Fault(
        Kind.TASK_FAILED, 0, null, null, null, Objects.requireNonNull(message, "message"));
  }

  /** Whether the request is answered by the fault alone, without being processed. */
  boolean answersAlone() {
    return kind == Kind.STATUS
        || kind == Kind.RATE_LIMITED
        || kind == Kind.SERVICE_UNAVAILABLE
        || kind == Kind.MALFORMED_BODY;
  }

  private static String message(String text) {
    return "{\"message\":\"" + text + "\"}";
  }

  private static String seconds(Duration d) {
    if (d.isNegative()) {
      throw new IllegalArgumentException("negative Retry-After: " + d);
    }
    long s = d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
    return Long.toString(s);
  }

  /** {@inheritDoc} */
  @Override
  public String toString() {
    return "Fault["
        + kind
        + (status > 0 ? " " + status : "")
        + (retryAfter != null ? " Retry-After: " + retryAfter : "")
        + (delay != null ? " " + delay : "")
        + (message != null ? " " + message : "")
        + "]";
  }
}
