package io.github.csmkit.hubspot.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.csmkit.client.Backoff;
import io.github.csmkit.client.RetryAfter;
import io.github.csmkit.hubspot.sync.HubSpotRateLimiter;
import io.github.csmkit.hubspot.sync.HubSpotRateLimiter.Bucket;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.DoubleSupplier;

/**
 * HubSpot's HTTP exchange: throttling through the one {@link HubSpotRateLimiter} (searches in its
 * per-second bucket, everything else in the ten-second one), retries of 429 bursts, 5xx and I/O
 * errors (with the client's {@link Backoff} and jitter, or {@code Retry-After}, capped), a bounded
 * response body, requests counted per endpoint, and errors that say what failed without the token.
 */
final class HubSpotHttp {
  /**
   * What the exchange needs.
   *
   * @param baseUri the API host, without a trailing slash
   * @param token the bearer token
   * @param maxResponseBytes the largest body read; a larger one fails the request
   * @param random the jitter's source of numbers in [0, 1)
   */
  record Settings(
      URI baseUri,
      String token,
      HttpClient http,
      Clock clock,
      HubSpotApiClient.Sleeper sleeper,
      HubSpotRateLimiter limiter,
      int maxRetries,
      Duration timeout,
      Backoff backoff,
      long maxResponseBytes,
      DoubleSupplier random) {
    @Override
    public String toString() {
      return "HubSpotHttp.Settings[baseUri=" + baseUri + ", token=****]";
    }
  }

  /** A body over the limit: the same answer every time, so it is not retried. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(long limit) {
      super("the response body is larger than " + limit + " bytes");
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  // a hostile or broken Retry-After must not park the reader for hours
  private static final Duration MAX_BURST_WAIT = Duration.ofSeconds(60);

  private final Settings s;
  private final HubSpotRateLimiter limiter;
  private final AtomicLongArray sent = new AtomicLongArray(HubSpotApiEndpoint.values().length);

  HubSpotHttp(Settings settings) {
    this.s = settings;
    this.limiter = settings.limiter();
  }

  /** Requests sent so far (every attempt), per endpoint; zero counts left out. */
  Map<HubSpotApiEndpoint, Long> requestCounts() {
    Map<HubSpotApiEndpoint, Long> out = new EnumMap<>(HubSpotApiEndpoint.class);
    for (HubSpotApiEndpoint e : HubSpotApiEndpoint.values()) {
      long n = sent.get(e.ordinal());
      if (n > 0) {
        out.put(e, n);
      }
    }
    return out;
  }

  /** Sends a request with throttling and retries; returns the parsed body of a 2xx or 207. */
  JsonNode send(String method, String pathAndQuery, JsonNode body) {
    String what = method + " " + pathAndQuery.replaceAll("\\?.*", "");
    HubSpotApiEndpoint endpoint = HubSpotApiEndpoint.of(method, pathAndQuery);
    Bucket bucket = endpoint == HubSpotApiEndpoint.SEARCH ? Bucket.SEARCH : Bucket.STANDARD;
    int attempt = 0;
    while (true) {
      attempt++;
      acquire(bucket, what);
      sent.incrementAndGet(endpoint.ordinal());
      Response resp;
      try {
        resp = exchange(method, pathAndQuery, body);
      } catch (TooLarge e) {
        throw new HubSpotApiException(0, what + " failed: " + e.getMessage(), null, e);
      } catch (IOException e) {
        if (attempt > s.maxRetries()) {
          throw new HubSpotApiException(
              0,
              what + " failed: " + e.getClass().getSimpleName() + ": " + e.getMessage(),
              null,
              e);
        }
        pause(backoff(attempt));
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new HubSpotApiException(0, what + " interrupted", null, e);
      }
      int status = resp.status();
      if (status >= 200 && status < 300) {
        return resp.json();
      }
      String correlationId = resp.json().path("correlationId").asText(null);
      String message = resp.json().path("message").asText(abbreviate(resp.text()));
      if (status == 401) {
        throw new HubSpotAuthenticationException(
            what
                + " was refused (401): the HubSpot token is missing, invalid or expired: "
                + message,
            correlationId);
      }
      if (status == 429) {
        String policy = resp.json().path("policyName").asText(null);
        if ("DAILY".equals(policy)) {
          throw new HubSpotDailyLimitException(what, message, correlationId);
        }
        if (attempt > s.maxRetries()) {
          throw new HubSpotRateLimitException(
              what
                  + ": still rate limited ("
                  + policy
                  + ") after "
                  + s.maxRetries()
                  + " retries: "
                  + message,
              policy,
              correlationId);
        }
        // the limiter holds the bucket HubSpot named, so every request of it waits, not just this
        limiter.backOff(bucketOf(policy, bucket), burstWait(resp.retryAfter()));
        continue;
      }
      if (status >= 500 && attempt <= s.maxRetries()) {
        pause(backoff(attempt));
        continue;
      }
      throw new HubSpotApiException(
          status, what + " failed with HTTP " + status + ": " + message, correlationId, null);
    }
  }

  /** A response: its status, its body (bounded) and its Retry-After header. */
  private record Response(int status, String text, JsonNode json, String retryAfter) {}

  private Response exchange(String method, String pathAndQuery, JsonNode body)
      throws IOException, InterruptedException {
    HttpRequest.Builder rb =
        HttpRequest.newBuilder(URI.create(s.baseUri() + pathAndQuery))
            .timeout(s.timeout())
            .header("Authorization", "Bearer " + s.token())
            .header("Accept", "application/json");
    if (body != null) {
      rb.header("Content-Type", "application/json")
          .method(
              method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
    } else {
      rb.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<InputStream> resp =
        s.http().send(rb.build(), HttpResponse.BodyHandlers.ofInputStream());
    String text;
    try (InputStream in = resp.body()) {
      text = new String(readBounded(in, s.maxResponseBytes()), StandardCharsets.UTF_8);
    }
    return new Response(
        resp.statusCode(),
        text,
        parse(text),
        resp.headers().firstValue("Retry-After").orElse(null));
  }

  /**
   * Reads at most {@code limit} bytes.
   *
   * @throws TooLarge when the stream holds more
   */
  static byte[] readBounded(InputStream in, long limit) throws IOException {
    byte[] buf = new byte[8192];
    int n = 0;
    while (true) {
      if (n == buf.length) {
        if (n > limit) {
          throw new TooLarge(limit);
        }
        buf = Arrays.copyOf(buf, (int) Math.min((long) n * 2, limit + 1));
      }
      int r = in.read(buf, n, buf.length - n);
      if (r < 0) {
        break;
      }
      n += r;
    }
    if (n > limit) {
      throw new TooLarge(limit);
    }
    return Arrays.copyOf(buf, n);
  }

  /** Retry-After capped, or null for the bucket's own window. */
  private Duration burstWait(String retryAfter) {
    Duration wait = RetryAfter.parse(retryAfter, s.clock().instant()).orElse(null);
    return wait != null && wait.compareTo(MAX_BURST_WAIT) > 0 ? MAX_BURST_WAIT : wait;
  }

  /** SECONDLY is the search limit, TEN_SECONDLY_ROLLING the others; else the request's own. */
  private static Bucket bucketOf(String policy, Bucket requested) {
    if ("SECONDLY".equals(policy)) {
      return Bucket.SEARCH;
    }
    return "TEN_SECONDLY_ROLLING".equals(policy) ? Bucket.STANDARD : requested;
  }

  private void acquire(Bucket bucket, String what) {
    try {
      limiter.acquire(bucket);
    } catch (IllegalStateException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw new HubSpotApiException(0, what + " interrupted waiting for the rate limit", null, e);
      }
      throw e;
    }
  }

  private Duration backoff(int attempt) {
    return s.backoff().delay(attempt, s.random().getAsDouble());
  }

  private static JsonNode parse(String body) {
    try {
      return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }

  /** Waits with the sleeper. */
  void pause(Duration d) {
    if (d.isZero() || d.isNegative()) {
      return;
    }
    try {
      s.sleeper().sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HubSpotApiException(
          0, "interrupted while waiting for HubSpot's rate limit", null, e);
    }
  }

  URI baseUri() {
    return s.baseUri();
  }

  @Override
  public String toString() {
    return "baseUri=" + s.baseUri() + ", token=****, rateLimit=" + limiter;
  }
}
