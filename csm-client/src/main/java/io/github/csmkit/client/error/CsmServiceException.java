package io.github.csmkit.client.error;

import java.time.Duration;
import java.util.Optional;

/**
 * The server answered, and not with success. Carries the HTTP status, the request id from the
 * response headers (quote it to Atlassian support), a bounded excerpt of the body, and the {@code
 * Retry-After} the server asked for, if any.
 */
public class CsmServiceException extends CsmException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final String requestId;
  private final String bodyExcerpt;
  private final Duration retryAfter;

  /**
   * A new exception with the facts of the answer; the message gets the status, the request id and
   * the body excerpt appended.
   */
  public CsmServiceException(String message, HttpFacts facts) {
    super(describe(message, facts));
    this.statusCode = facts.statusCode();
    this.requestId = facts.requestId();
    this.bodyExcerpt = facts.bodyExcerpt();
    this.retryAfter = facts.retryAfter();
  }

  /** The HTTP status of the answer. */
  public int statusCode() {
    return statusCode;
  }

  /**
   * The request id the server gave ({@code X-Request-Id}, {@code atl-request-id} or {@code
   * atl-traceid}).
   */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /** The start of the response body (at most 1,000 characters), empty when there was none. */
  public String bodyExcerpt() {
    return bodyExcerpt;
  }

  /** How long the server asked the client to wait before trying again. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  private static String describe(String message, HttpFacts facts) {
    StringBuilder s = new StringBuilder(message).append(" (HTTP ").append(facts.statusCode());
    if (facts.requestId() != null) {
      s.append(", request id ").append(facts.requestId());
    }
    s.append(')');
    if (!facts.bodyExcerpt().isEmpty()) {
      s.append(": ").append(facts.bodyExcerpt());
    }
    return s.toString();
  }

  /**
   * What an exception needs to know about a response.
   *
   * @param statusCode the HTTP status
   * @param requestId the request id header, or null
   * @param bodyExcerpt the start of the body, never null
   * @param retryAfter the parsed {@code Retry-After}, or null
   */
  public record HttpFacts(
      int statusCode, String requestId, String bodyExcerpt, Duration retryAfter) {
    /** The facts, a null body excerpt taken as empty. */
    public HttpFacts {
      bodyExcerpt = bodyExcerpt == null ? "" : bodyExcerpt;
    }
  }
}
