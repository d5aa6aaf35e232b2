package io.github.csmkit.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The requests a sandbox received, oldest first, with the token taken out (see {@link
 * RecordedRequest}); from {@link CsmSandbox#requestLog()}. It keeps the last {@link
 * CsmSandbox.Builder#requestLogLimit(int)} requests (1000 by default). Thread-safe.
 *
 * <pre>{@code
 * sandbox.requestLog().verify(1, r -> r.endpoint() == Endpoint.CUSTOMER_PROFILES
 *     && r.header("Idempotency-Key") != null && r.body().contains("ada@example.com"));
 * }</pre>
 */
public final class RequestLog {
  static final String REDACTED = "<redacted>";

  private final int limit;
  private final String token;
  private final AtomicLong sequence = new AtomicLong();
  private final ArrayDeque<RecordedRequest> entries = new ArrayDeque<>();

  RequestLog(int limit, String token) {
    this.limit = limit;
    this.token = token;
  }

  /** The next arrival number, taken when a request arrives. */
  long next() {
    return sequence.incrementAndGet();
  }

  void add(
      long n,
      Instant at,
      String tenant,
      Endpoint endpoint,
      String method,
      String path,
      Map<String, List<String>> headers,
      byte[] body,
      int status) {
    if (limit == 0) {
      return;
    }
    Map<String, List<String>> clean = new LinkedHashMap<>();
    headers.forEach((name, values) -> clean.put(name, redact(name, values)));
    String text = scrub(new String(body, StandardCharsets.UTF_8));
    RecordedRequest r =
        new RecordedRequest(n, at, tenant, endpoint, method, scrub(path), clean, text, status);
    synchronized (entries) {
      entries.addLast(r);
      while (entries.size() > limit) {
        entries.removeFirst();
      }
    }
  }

  /**
   * Every request kept, in order of arrival.
   *
   * @return an immutable list
   */
  public List<RecordedRequest> all() {
    synchronized (entries) {
      List<RecordedRequest> out = new ArrayList<>(entries);
      out.sort((a, b) -> Long.compare(a.sequence(), b.sequence()));
      return List.copyOf(out);
    }
  }

  /**
   * The requests kept that matched one route, in order of arrival.
   *
   * @param endpoint the route
   * @return an immutable list
   */
  public List<RecordedRequest> to(Endpoint endpoint) {
    return all().stream().filter(r -> r.endpoint() == endpoint).toList();
  }

  /**
   * Checks that exactly {@code times} of the requests kept match.
   *
   * @param times the expected number, at least 0
   * @param matching what a request must satisfy
   * @throws AssertionError when another number matched; the message lists every request kept
   */
  public void verify(int times, Predicate<? super RecordedRequest> matching) {
    List<RecordedRequest> all = all();
    long n = all.stream().filter(matching).count();
    if (n != times) {
      throw new AssertionError(
          "expected "
              + times
              + " matching request(s), found "
              + n
              + " among the "
              + all.size()
              + " recorded:"
              + all.stream()
                  .map(r -> "\n  " + r.method() + " " + r.path() + " -> " + r.status())
                  .collect(Collectors.joining()));
    }
  }

  /** Forgets the requests kept. */
  public void clear() {
    synchronized (entries) {
      entries.clear();
    }
  }

  private List<String> redact(String name, List<String> values) {
    String lower = name.toLowerCase(Locale.ROOT);
    boolean credentials = lower.equals("authorization") || lower.equals("proxy-authorization");
    List<String> out = new ArrayList<>(values.size());
    for (String v : values) {
      if (credentials) {
        int space = v.trim().indexOf(' ');
        out.add(space < 0 ? REDACTED : v.trim().substring(0, space) + " " + REDACTED);
      } else {
        out.add(scrub(v));
      }
    }
    return out;
  }

  private String scrub(String s) {
    return s.contains(token) ? s.replace(token, REDACTED) : s;
  }
}
