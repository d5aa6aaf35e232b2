package io.github.csmkit.client;

import io.github.csmkit.client.model.IdempotencyKey;
import io.github.csmkit.client.model.TaskStatus;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Observes what a client does, for metrics, audit logs or progress. Events never carry credentials.
 * Methods are called on the thread that makes the call or handles the answer; keep them quick, and
 * do not throw (an exception from a listener is logged and ignored).
 */
public interface CsmListener {
  /** A listener that does nothing. */
  CsmListener NONE = new CsmListener() {};

  /** Called when an attempt of a request is sent; does nothing by default. */
  default void requestSent(RequestSent event) {}

  /** Called when an answer arrives; does nothing by default. */
  default void responseReceived(ResponseReceived event) {}

  /** Called when an attempt failed and another one is scheduled; does nothing by default. */
  default void retryScheduled(RetryScheduled event) {}

  /** Called when a poll sees a task's status; does nothing by default. */
  default void taskStatusSeen(TaskStatusSeen event) {}

  /**
   * An attempt of a request was sent.
   *
   * @param method the HTTP method
   * @param uri the full URI
   * @param attempt 1 for the first attempt
   * @param idempotencyKey the key of a bulk POST
   */
  record RequestSent(
      String method, URI uri, int attempt, Optional<IdempotencyKey> idempotencyKey) {}

  /**
   * An answer arrived.
   *
   * @param method the HTTP method
   * @param uri the full URI
   * @param attempt 1 for the first attempt
   * @param statusCode the HTTP status
   * @param requestId the server's request id, if it sent one
   * @param elapsed time from sending to the answer's body
   */
  record ResponseReceived(
      String method,
      URI uri,
      int attempt,
      int statusCode,
      Optional<String> requestId,
      Duration elapsed) {}

  /**
   * An attempt failed and another one follows after {@code delay}.
   *
   * @param method the HTTP method
   * @param uri the full URI
   * @param attempt the attempt that failed (1 for the first)
   * @param delay the wait before the next attempt
   * @param reason why, for example {@code "HTTP 429"} or {@code "I/O: Connection reset"}
   */
  record RetryScheduled(String method, URI uri, int attempt, Duration delay, String reason) {}

  /**
   * A poll saw a task's status.
   *
   * @param status the status
   * @param polls how many polls of this wait so far
   * @param waited time since the wait began
   */
  record TaskStatusSeen(TaskStatus status, int polls, Duration waited) {}
}
