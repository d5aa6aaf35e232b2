package io.github.csmkit.hubspot.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-memory HubSpot CRM API server on the JDK's HTTP server, for tests of HubSpot readers and
 * incremental syncs. It serves contacts and companies as HubSpot's v3 objects API does (list pages
 * of at most 100, archived listings, inline associations, single and batch reads, merged ids
 * answered with the survivor), the CRM search API (filters, one sort, 200 per page, the
 * 10,000-results cap answered with 400, archived records never found, an optional index lag), v4
 * association batch reads, HubSpot's rate limits with their headers and 429 bodies, the bearer
 * token with HubSpot's 401, and injectable faults.
 *
 * <pre>{@code
 * try (HubSpotSandbox hubspot = HubSpotSandbox.builder().clock(clock).start()) {
 *   String acme = hubspot.portal().createCompany(Map.of("name", "Acme"));
 *   ... point a reader at hubspot.baseUri() with hubspot.token() ...
 *   assertThat(hubspot.requestCount(HubSpotEndpoint.SEARCH)).isEqualTo(3);
 * }
 * }</pre>
 *
 * <p>Limits, the index lag and timestamps follow the sandbox's {@link Builder#clock(Clock) clock}.
 * Thread-safe. The token never appears in {@link #toString()} or the request log.
 */
public final class HubSpotSandbox implements AutoCloseable {
  static {
    // read once, when the JDK's HTTP server is first used: without it small answers wait on Nagle
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final Clock clock;
  private final String token;
  private final HubSpotPortal portal;
  private final RateLimits limits;
  private final HubSpotFaults faults = new HubSpotFaults();
  private final Map<HubSpotEndpoint, AtomicLong> counts = new EnumMap<>(HubSpotEndpoint.class);
  private final ConcurrentLinkedQueue<LoggedRequest> log = new ConcurrentLinkedQueue<>();
  private final HttpServer server;
  private final ExecutorService executor;
  private final URI baseUri;

  private HubSpotSandbox(Builder b) throws IOException {
    for (HubSpotEndpoint e : HubSpotEndpoint.values()) {
      counts.put(e, new AtomicLong());
    }
    this.clock = b.clock;
    this.token = b.token != null ? b.token : "pat-na1-" + UUID.randomUUID();
    this.portal = new HubSpotPortal(b.clock, b.indexLag, b.firstId);
    this.limits = new RateLimits(b.clock, b.searchPerSecond, b.perTenSeconds, b.daily, b.portalId);
    this.server = HttpServer.create(new InetSocketAddress(b.host, b.port), 256);
    AtomicInteger n = new AtomicInteger();
    this.executor =
        Executors.newFixedThreadPool(
            b.threads,
            r -> {
              Thread t = new Thread(r, "hubspot-sandbox-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/", new Router(this, b.associationPageSize));
    server.start();
    String host = b.host.contains(":") ? "[" + b.host + "]" : b.host;
    this.baseUri = URI.create("http://" + host + ":" + server.getAddress().getPort());
  }

  /**
   * A builder with the defaults: 127.0.0.1 on a free port, a random token, the system clock, no
   * index lag, 5 searches per second, 190 other requests per 10 seconds, 625,000 a day.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The base URI to give a reader in place of {@code https://api.hubapi.com}.
   *
   * @return e.g. {@code http://127.0.0.1:54321}
   */
  public URI baseUri() {
    return baseUri;
  }

  /**
   * The bearer token every request must carry.
   *
   * @return the token
   */
  public String token() {
    return token;
  }

  /**
   * The clock behind timestamps, the index lag and the rate limits.
   *
   * @return the clock
   */
  public Clock clock() {
    return clock;
  }

  /**
   * The portal's records, to seed and change.
   *
   * @return the portal
   */
  public HubSpotPortal portal() {
    return portal;
  }

  /**
   * The injected faults.
   *
   * @return the faults, to queue more
   */
  public HubSpotFaults faults() {
    return faults;
  }

  /**
   * How many requests a route answered (any status) since the start or {@link #resetRequests()}.
   *
   * @param endpoint the route
   * @return the count
   */
  public long requestCount(HubSpotEndpoint endpoint) {
    return counts.get(endpoint).get();
  }

  /**
   * Every request answered since the start or {@link #resetRequests()}, in order of completion.
   *
   * @return the request log
   */
  public List<LoggedRequest> requests() {
    return new ArrayList<>(log);
  }

  /**
   * The requests one route answered.
   *
   * @param endpoint the route
   * @return its part of the request log
   */
  public List<LoggedRequest> requests(HubSpotEndpoint endpoint) {
    return log.stream().filter(r -> r.endpoint() == endpoint).toList();
  }

  /** Empties the request log and the counts (the rate limits keep their windows). */
  public void resetRequests() {
    log.clear();
    counts.values().forEach(c -> c.set(0));
  }

  /** Stops the server (waiting at most a second for requests under way). */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdown();
    try {
      executor.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  RateLimits limits() {
    return limits;
  }

  void record(LoggedRequest request) {
    counts.get(request.endpoint()).incrementAndGet();
    log.add(request);
  }

  @Override
  public String toString() {
    return "HubSpotSandbox[" + baseUri + ", token=****]";
  }

  /** Configures a {@link HubSpotSandbox}. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port;
    private String token;
    private Clock clock = Clock.systemUTC();
    private Duration indexLag = Duration.ZERO;
    private int searchPerSecond = 5;
    private int perTenSeconds = 190;
    private long daily = 625_000;
    private int associationPageSize = 500;
    private int threads = 8;
    private long firstId = 1001;
    private String portalId = "9999999";

    private Builder() {}

    /**
     * The address to bind to; default {@code 127.0.0.1}.
     *
     * @param host a host name or IP address
     * @return this builder
     */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /**
     * The port; default 0, a free one.
     *
     * @param port 0 to 65535
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("not a port: " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * The bearer token requests must carry; default a random {@code pat-na1-...} one.
     *
     * @param token a non-blank token
     * @return this builder
     * @throws IllegalArgumentException when blank
     */
    public Builder token(String token) {
      if (token == null || token.isBlank()) {
        throw new IllegalArgumentException("the token must not be blank");
      }
      this.token = token;
      return this;
    }

    /**
     * The clock for timestamps, the index lag and the rate limits; default the system clock. With a
     * clock that tests move by hand, the rate limits only free up when the clock moves.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How long a change stays invisible to search (HubSpot's index is eventually consistent): until
     * then search shows the record's previous version, or nothing for a new record. Default zero.
     *
     * @param lag not negative
     * @return this builder
     * @throws IllegalArgumentException when negative
     */
    public Builder indexLag(Duration lag) {
      if (lag.isNegative()) {
        throw new IllegalArgumentException("negative index lag: " + lag);
      }
      this.indexLag = lag;
      return this;
    }

    /**
     * Search requests per rolling second before a 429 ({@code policyName SECONDLY}); default 5, as
     * HubSpot's per-account search limit. 0 turns the limit off.
     *
     * @param perSecond not negative
     * @return this builder
     */
    public Builder searchRateLimit(int perSecond) {
      this.searchPerSecond = nonNegative(perSecond);
      return this;
    }

    /**
     * Other requests per rolling 10 seconds before a 429 ({@code TEN_SECONDLY_ROLLING}); default
     * 190 (Professional and Enterprise private apps). 0 turns the limit off.
     *
     * @param perTenSeconds not negative
     * @return this builder
     */
    public Builder rateLimit(int perTenSeconds) {
      this.perTenSeconds = nonNegative(perTenSeconds);
      return this;
    }

    /**
     * Requests of any kind before every request gets the daily 429 ({@code DAILY}); default
     * 625,000. 0 turns the limit off.
     *
     * @param perDay not negative
     * @return this builder
     */
    public Builder dailyLimit(long perDay) {
      if (perDay < 0) {
        throw new IllegalArgumentException("negative limit: " + perDay);
      }
      this.daily = perDay;
      return this;
    }

    /**
     * Associations per input and page of a v4 batch read; default 500 (HubSpot's page).
     *
     * @param size at least 1
     * @return this builder
     */
    public Builder associationPageSize(int size) {
      if (size < 1) {
        throw new IllegalArgumentException("page size must be at least 1: " + size);
      }
      this.associationPageSize = size;
      return this;
    }

    /**
     * The first record id; default 1001.
     *
     * @param firstId the id of the first record created
     * @return this builder
     */
    public Builder firstId(long firstId) {
      this.firstId = firstId;
      return this;
    }

    /**
     * Threads serving requests; default 8.
     *
     * @param threads at least 1
     * @return this builder
     */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("at least one thread: " + threads);
      }
      this.threads = threads;
      return this;
    }

    /**
     * Starts the server.
     *
     * @return the running sandbox
     * @throws java.io.UncheckedIOException when the port cannot be bound
     */
    public HubSpotSandbox start() {
      try {
        return new HubSpotSandbox(this);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("cannot start the HubSpot sandbox", e);
      }
    }

    private static int nonNegative(int v) {
      if (v < 0) {
        throw new IllegalArgumentException("negative limit: " + v);
      }
      return v;
    }
  }
}
