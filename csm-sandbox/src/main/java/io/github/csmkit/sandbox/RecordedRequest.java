package io.github.csmkit.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request the sandbox received, as {@link RequestLog#all()} returns it: what to assert on when a
 * test checks what a client sent, the way WireMock's {@code verify} does.
 *
 * <p>The token never appears in it: {@code Authorization} keeps only its scheme ({@code "Bearer
 * <redacted>"}), and the token is replaced by {@code <redacted>} anywhere else in the headers or
 * the body.
 *
 * @param sequence the order of arrival, from 1 (gaps: requests that fell out of the bounded log)
 * @param receivedAt when it arrived, by the sandbox's clock
 * @param tenant the tenant the path names ({@code default} without a cloud prefix)
 * @param endpoint the route it matched, or null for an unknown path
 * @param method the HTTP method
 * @param path the raw path and query, e.g. {@code /api/v1/customer/profile/bulk}
 * @param headers the headers by name (case-insensitive), each with its values in order
 * @param body the body as UTF-8 text, empty when there was none
 * @param status the status answered, or 0 when the connection was dropped without an answer
 */
public record RecordedRequest(
    long sequence,
    Instant receivedAt,
    String tenant,
    Endpoint endpoint,
    String method,
    String path,
    Map<String, List<String>> headers,
    String body,
    int status) {
  /** Copies the headers into an unmodifiable, case-insensitive map. */
  public RecordedRequest {
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    headers = Collections.unmodifiableMap(copy);
  }

  /**
   * The first value of a header.
   *
   * @param name the header name, any case
   * @return its first value, or null when the request did not carry it
   */
  public String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /**
   * The body's size in bytes (UTF-8).
   *
   * @return the size
   */
  public int bodySize() {
    return body.getBytes(StandardCharsets.UTF_8).length;
  }
}
