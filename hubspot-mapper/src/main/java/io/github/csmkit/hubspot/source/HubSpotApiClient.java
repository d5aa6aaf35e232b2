package io.github.csmkit.hubspot.source;

import io.github.csmkit.client.Backoff;
import io.github.csmkit.hubspot.sync.HubSpotRateLimiter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Reads contacts, companies and property definitions from the live HubSpot API with a private-app
 * token (or service key / OAuth access token: any bearer token).
 *
 * <p>Contacts and companies are listed with {@code GET /crm/v3/objects/{type}?limit=100&after=...}
 * page by page, lazily; when the {@code properties} query would make the URL longer than {@link
 * Builder#maxUrlLength(int)}, the page lists ids only and the properties are read with {@code POST
 * /crm/v3/objects/{type}/batch/read}. A contact's companies come from {@code POST
 * /crm/v4/associations/contacts/companies/batch/read} (all of them, not just the primary one).
 * Archived records are excluded unless {@link Builder#includeArchived(boolean)}.
 *
 * <p>Requests are throttled client-side by one {@link HubSpotRateLimiter} (default 100 per 10 s for
 * the ordinary endpoints, 5 per second for searches), which several clients may share. A 429 with
 * policy {@code TEN_SECONDLY_ROLLING} (or {@code SECONDLY}, the search limit) holds that bucket for
 * {@code Retry-After} (else its window) and retries; {@code DAILY} throws {@link
 * HubSpotDailyLimitException}; 401 throws {@link HubSpotAuthenticationException}; 5xx and I/O
 * errors are retried with a jittered backoff. A response body over {@link
 * Builder#maxResponseBytes(long)} fails its request. The token never appears in {@link
 * #toString()}, messages or exceptions.
 */
public final class HubSpotApiClient {
  /** HubSpot's API host. */
  public static final URI DEFAULT_BASE_URI = URI.create("https://api.hubapi.com");

  /** The default backoff of 5xx and I/O retries: 1 s doubling to 30 s, up to 20 % jitter. */
  public static final Backoff DEFAULT_BACKOFF =
      Backoff.exponential(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30), 0.2);

  /** How the client waits; tests inject one that advances a fake clock. */
  @FunctionalInterface
  public interface Sleeper {
    /**
     * Waits for {@code duration}.
     *
     * @throws InterruptedException when interrupted
     */
    void sleep(Duration duration) throws InterruptedException;
  }

  private final HubSpotHttp http;
  private final boolean includeArchived;
  private final int maxUrlLength;

  private HubSpotApiClient(Builder b) {
    String base = b.baseUri.toString();
    this.http =
        new HubSpotHttp(
            new HubSpotHttp.Settings(
                URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base),
                Objects.requireNonNull(b.token, "token is required"),
                b.http != null
                    ? b.http
                    : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
                b.clock,
                b.sleeper,
                b.limiter != null
                    ? b.limiter
                    : HubSpotRateLimiter.builder()
                        .standardLimit(b.maxRequests, b.window)
                        .clock(b.clock)
                        .sleeper(b.sleeper::sleep)
                        .build(),
                b.maxRetries,
                b.timeout,
                b.backoff,
                b.maxResponseBytes,
                b.random));
    this.includeArchived = b.includeArchived;
    this.maxUrlLength = b.maxUrlLength;
  }

  /** A builder; {@link Builder#token(String)} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The contacts with these properties (internal names) and their associated company ids, read page
   * by page as the source is iterated.
   *
   * @throws HubSpotApiException (lazily, while iterating) when a request fails for good
   */
  public RecordSource<HubSpotContact> contacts(List<String> properties) {
    return new ObjectPager<>(
        http, includeArchived, maxUrlLength, "contacts", properties, JsonRecords.CONTACT, true);
  }

  /**
   * The companies with these properties (internal names), read page by page as the source is
   * iterated.
   *
   * @throws HubSpotApiException (lazily, while iterating) when a request fails for good
   */
  public RecordSource<HubSpotCompany> companies(List<String> properties) {
    return new ObjectPager<>(
        http, includeArchived, maxUrlLength, "companies", properties, JsonRecords.COMPANY, false);
  }

  /**
   * The property definitions of an object type ({@code contacts}, {@code companies}) from {@code
   * GET /crm/v3/properties/{objectType}}.
   *
   * @throws HubSpotApiException when the request fails
   */
  public PropertyCatalog properties(String objectType) {
    String path = "/crm/v3/properties/" + encode(objectType);
    return PropertyCatalog.fromJson(http.send("GET", path, null), path);
  }

  /**
   * The requests this client has sent so far (every attempt, retries included), per endpoint;
   * endpoints never called are left out.
   */
  public Map<HubSpotApiEndpoint, Long> requestCounts() {
    return http.requestCounts();
  }

  /**
   * The CRM search API as a {@link io.github.csmkit.hubspot.sync.SearchFetcher} for {@link
   * io.github.csmkit.hubspot.sync.IncrementalPull}: searches go through this client's limiter and
   * retries; its fetch throws {@link HubSpotDailyLimitException}, {@link
   * HubSpotAuthenticationException} or {@link HubSpotApiException} when a search fails for good.
   */
  public io.github.csmkit.hubspot.sync.SearchFetcher searchFetcher() {
    return new HubSpotSearchFetcher(http);
  }

  HubSpotHttp http() {
    return http;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "HubSpotApiClient[" + http + "]";
  }

  /** Configures a {@link HubSpotApiClient}. */
  public static final class Builder {
    private URI baseUri = DEFAULT_BASE_URI;
    private String token;
    private HttpClient http;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = d -> Thread.sleep(d.toMillis());
    private int maxRequests = 100;
    private Duration window = Duration.ofSeconds(10);
    private HubSpotRateLimiter limiter;
    private boolean includeArchived;
    private int maxUrlLength = 4000;
    private int maxRetries = 5;
    private Duration timeout = Duration.ofSeconds(60);
    private Backoff backoff = DEFAULT_BACKOFF;
    private long maxResponseBytes = 64L << 20;
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
    private boolean allowInsecureHttp;

    private Builder() {}

    /**
     * Allow plain {@code http://} to a host that is not loopback. Off by default: the token would
     * cross the network in clear text.
     */
    public Builder allowInsecureHttp(boolean allow) {
      this.allowInsecureHttp = allow;
      return this;
    }

    /** The API's base URI; default {@code https://api.hubapi.com}. */
    public Builder baseUri(URI baseUri) {
      this.baseUri = Objects.requireNonNull(baseUri);
      return this;
    }

    /** The private-app token (or any bearer token); required, never logged or shown. */
    public Builder token(String token) {
      if (token == null || token.isBlank()) {
        throw new IllegalArgumentException("a HubSpot token is required");
      }
      this.token = token;
      return this;
    }

    /** The JDK HTTP client to use; default a new one. */
    public Builder httpClient(HttpClient http) {
      this.http = Objects.requireNonNull(http);
      return this;
    }

    /**
     * At most {@code requests} per {@code window} to the ordinary endpoints; default 100 per 10 s.
     * Not used when a {@link #rateLimiter(HubSpotRateLimiter)} is given.
     */
    public Builder rateLimit(int requests, Duration window) {
      if (requests < 1 || window.isNegative() || window.isZero()) {
        throw new IllegalArgumentException(
            "rate limit must be at least 1 request per positive window");
      }
      this.maxRequests = requests;
      this.window = window;
      return this;
    }

    /**
     * The rate limiter to use, for example one shared by several clients of one portal (HubSpot's
     * search limit is per account); default a new one with {@link #rateLimit(int, Duration)}, this
     * builder's clock and sleeper, and 5 searches per second.
     */
    public Builder rateLimiter(HubSpotRateLimiter limiter) {
      this.limiter = Objects.requireNonNull(limiter);
      return this;
    }

    /** The clock used by the rate limiter and {@code Retry-After}; default the system clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /** How the client waits; default {@link Thread#sleep(long)}. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper);
      return this;
    }

    /** Also read archived records (a second pass with {@code archived=true}); default false. */
    public Builder includeArchived(boolean includeArchived) {
      this.includeArchived = includeArchived;
      return this;
    }

    /** Above this URL length the properties are read with batch/read; default 4000. */
    public Builder maxUrlLength(int maxUrlLength) {
      this.maxUrlLength = maxUrlLength;
      return this;
    }

    /** Retries of a 429 burst limit, 5xx or I/O error; default 5. */
    public Builder maxRetries(int maxRetries) {
      this.maxRetries = maxRetries;
      return this;
    }

    /** The backoff of 5xx and I/O retries; default {@link #DEFAULT_BACKOFF}. */
    public Builder backoff(Backoff backoff) {
      this.backoff = Objects.requireNonNull(backoff);
      return this;
    }

    /**
     * The largest response body read, in bytes; a larger one fails its request with a {@link
     * HubSpotApiException}. Default 64 MiB.
     */
    public Builder maxResponseBytes(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxResponseBytes must be positive: " + bytes);
      }
      this.maxResponseBytes = bytes;
      return this;
    }

    /** Where the backoff's jitter comes from, numbers in [0, 1); default a thread-local random. */
    Builder random(DoubleSupplier random) {
      this.random = Objects.requireNonNull(random);
      return this;
    }

    /** The per-request timeout; default 60 s. */
    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout);
      return this;
    }

    /**
     * The client.
     *
     * @throws NullPointerException when no token was given
     * @throws IllegalStateException when the base URI is neither http nor https, or plain http to a
     *     host that is not loopback without {@link #allowInsecureHttp(boolean)}
     */
    public HubSpotApiClient build() {
      String scheme = String.valueOf(baseUri.getScheme()).toLowerCase(java.util.Locale.ROOT);
      if (!scheme.equals("https") && !scheme.equals("http")) {
        throw new IllegalStateException("the base URI must be http or https, was " + baseUri);
      }
      if (scheme.equals("http") && !allowInsecureHttp && !loopback(baseUri.getHost())) {
        throw new IllegalStateException(
            "refusing plain http to "
                + baseUri.getHost()
                + ": the HubSpot token would travel unencrypted; use https, or"
                + " allowInsecureHttp(true)");
      }
      return new HubSpotApiClient(this);
    }

    /** Literal loopback names only: a host name is never resolved to decide. */
    private static boolean loopback(String host) {
      if (host == null) {
        return false;
      }
      String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
      return h.equalsIgnoreCase("localhost") || h.startsWith("127.") || h.equals("::1");
    }

    @Override
    public String toString() {
      return "HubSpotApiClient.Builder[baseUri=" + baseUri + ", token=****]";
    }
  }
}
