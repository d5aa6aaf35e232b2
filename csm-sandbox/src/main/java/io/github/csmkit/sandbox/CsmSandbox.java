package io.github.csmkit.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * An in-memory server for the CSM bulk APIs on the JDK's HTTP server: asynchronous tasks driven by
 * a clock, idempotency keys, per-request limits, the tenant task limit, per-record failures and
 * injectable faults. It serves every route both under {@code /jsm/csm/cloudid/{cloudId}} (one
 * tenant per cloud id) and bare (the tenant {@code default}).
 *
 * <pre>{@code
 * try (CsmSandbox sandbox = CsmSandbox.builder().start()) {
 *   CsmClient csm = CsmClient.builder().baseUri(sandbox.baseUri())
 *       .credentials(Credentials.bearer(sandbox.token())).build();
 *   ...
 *   assertThat(sandbox.customers()).hasSize(3);
 * }
 * }</pre>
 *
 * <p>Thread-safe. Inspection methods first apply every task that is due by the clock.
 */
public final class CsmSandbox implements AutoCloseable {
  final Clock clock;
  final Duration queuedFor;
  final Duration runsFor;
  final int taskLimit;
  final Duration retention;
  final boolean requireExperimentalHeader;
  final int maxRequestBytes;
  final boolean definitionsBulk;
  private final String token;
  private final Faults faults = new Faults();
  private final ConcurrentHashMap<String, Tenant> tenants = new ConcurrentHashMap<>();
  final RequestCounts counts = new RequestCounts();
  final RequestLog requestLog;
  private final HttpServer server;
  private final URI baseUri;
  private final AtomicBoolean closed = new AtomicBoolean();

  private CsmSandbox(Builder b) throws IOException {
    this.clock = b.clock;
    this.queuedFor = b.queuedFor;
    this.runsFor = b.runsFor;
    this.taskLimit = b.taskLimit;
    this.retention = b.retention;
    this.requireExperimentalHeader = b.requireExperimentalHeader;
    this.maxRequestBytes = b.maxRequestBytes;
    this.definitionsBulk = b.definitionsBulk;
    this.token =
        b.token != null ? b.token : "sandbox-" + UUID.randomUUID().toString().replace("-", "");
    this.requestLog = new RequestLog(b.requestLogLimit, token);
    this.server = HttpServers.start(b.host, b.port, b.threads, new SandboxHandler(this));
    String host = b.host.contains(":") ? "[" + b.host + "]" : b.host;
    this.baseUri = URI.create("http://" + host + ":" + server.getAddress().getPort());
  }

  /**
   * A builder with the defaults: 127.0.0.1 on a free port, a random token, the system clock, no
   * queueing, tasks that run 50 ms, 5 unfinished tasks per tenant, results kept 3 days.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The base URI without a cloud prefix, e.g. {@code http://127.0.0.1:54321}; requests to it act on
   * the tenant {@code default}.
   *
   * @return the base URI
   */
  public URI baseUri() {
    return baseUri;
  }

  /**
   * The base URI of one tenant: {@code baseUri() + "/jsm/csm/cloudid/" + cloudId}.
   *
   * @param cloudId the tenant's cloud id
   * @return the base URI of that tenant
   */
  public URI cloudBaseUri(String cloudId) {
    Objects.requireNonNull(cloudId, "cloudId");
    if (cloudId.isEmpty() || cloudId.contains("/")) {
      throw new IllegalArgumentException("not a cloud id: " + cloudId);
    }
    return URI.create(baseUri + "/jsm/csm/cloudid/" + cloudId);
  }

  /**
   * The port the sandbox listens on.
   *
   * @return the port
   */
  public int port() {
    return baseUri.getPort();
  }

  /**
   * The bearer token every request must carry ({@code Authorization: Bearer <token>}).
   *
   * @return the token
   */
  public String token() {
    return token;
  }

  /**
   * The clock that drives the tasks.
   *
   * @return the clock given to the builder, or the system clock
   */
  public Clock clock() {
    return clock;
  }

  /**
   * The injected faults, to add to or clear.
   *
   * @return the faults of this sandbox
   */
  public Faults faults() {
    return faults;
  }

  /**
   * The requests received, to assert on what a client sent.
   *
   * @return the request log of this sandbox
   */
  public RequestLog requestLog() {
    return requestLog;
  }

  /**
   * Puts customers, organizations and detail fields into a tenant before a test, as if a client had
   * created them earlier; they do not count in {@link #creationCount(String)}.
   *
   * @return a seeder for the tenant {@code default}
   */
  public Seeder seed() {
    return seed("default");
  }

  /**
   * Puts customers, organizations and detail fields into one tenant before a test.
   *
   * @param cloudId the tenant's cloud id
   * @return a seeder for that tenant
   */
  public Seeder seed(String cloudId) {
    cloudBaseUri(cloudId); // checks the id
    return new Seeder(this, cloudId);
  }

  /**
   * Every customer of every tenant, by tenant and then creation order.
   *
   * @return snapshots of the customers
   */
  public List<CustomerSnapshot> customers() {
    return collect(t -> t.customers.values().stream().map(t::snapshot).toList());
  }

  /**
   * Every organization of every tenant, by tenant and then creation order.
   *
   * @return snapshots of the organizations
   */
  public List<OrganizationSnapshot> organizations() {
    return collect(t -> t.organizations.values().stream().map(t::snapshot).toList());
  }

  /**
   * The detail-field definitions of one entity kind in every tenant.
   *
   * @param kind customers or organizations
   * @return snapshots of the definitions, by tenant and position
   */
  public List<DefinitionSnapshot> definitions(EntityKind kind) {
    Objects.requireNonNull(kind, "kind");
    return collect(t -> t.definitionSnapshots(kind));
  }

  /**
   * Every task still retained, of every tenant, by tenant and creation order.
   *
   * @return snapshots of the tasks
   */
  public List<TaskSnapshot> tasks() {
    Instant now = clock.instant();
    return collect(t -> t.tasks.values().stream().map(task -> task.snapshot(now)).toList());
  }

  /**
   * How many requests reached a route (whatever their answer), since start or the last {@link
   * #reset()}.
   *
   * @param endpoint the route
   * @return the number of requests
   */
  public long requestCount(Endpoint endpoint) {
    return counts.of(endpoint);
  }

  /**
   * How many requests carried this {@code Idempotency-Key} (whatever their answer): a retried batch
   * shows more than one, each answered with the same task.
   *
   * @param idempotencyKey the key
   * @return the number of requests
   */
  public long requestCount(String idempotencyKey) {
    return counts.of(idempotencyKey);
  }

  /**
   * How many times a customer with this email (case-insensitive) was created, in all tenants. A
   * client that retries correctly keeps this at 1.
   *
   * @param email the email
   * @return the number of creations
   */
  public int creationCount(String email) {
    return creations(t -> t.customerCreations, email);
  }

  /**
   * How many times an organization with this name (case-insensitive) was created, in all tenants.
   *
   * @param name the name
   * @return the number of creations
   */
  public int organizationCreationCount(String name) {
    return creations(t -> t.organizationCreations, name);
  }

  private int creations(Function<Tenant, Map<String, Integer>> counter, String name) {
    String key = Tenant.fold(name);
    return collect(t -> List.of(counter.apply(t).getOrDefault(key, 0))).stream()
        .mapToInt(Integer::intValue)
        .sum();
  }

  /**
   * Forgets every tenant, task, key, request count, logged request and fault; the server keeps
   * running.
   */
  public void reset() {
    tenants.clear();
    requestLog.clear();
    faults.clear();
    counts.clear();
  }

  /** Stops the server at once and releases its threads; a second call does nothing. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    HttpServers.stop(server);
  }

  /** {@inheritDoc} */
  @Override
  public String toString() {
    return "CsmSandbox[" + baseUri + "]";
  }

  Tenant tenant(String name) {
    return tenants.computeIfAbsent(name, n -> new Tenant(n, retention));
  }

  private <T> List<T> collect(Function<Tenant, List<T>> view) {
    return Snapshots.collect(tenants.values(), clock.instant(), view);
  }

  /** Configures and starts a {@link CsmSandbox}. Not thread-safe. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port;
    private String token;
    private Clock clock = Clock.systemUTC();
    private Duration queuedFor = Duration.ZERO;
    private Duration runsFor = Duration.ofMillis(50);
    private int taskLimit = 5;
    private Duration retention = Duration.ofDays(3);
    private int threads = 16;
    private boolean requireExperimentalHeader = true;
    private int requestLogLimit = 1000;
    private int maxRequestBytes = 5 * 1024 * 1024;
    private boolean definitionsBulk = true;

    private Builder() {}

    /**
     * The most bytes a request body may carry; default 5 MiB (5,242,880, the limit Atlassian's REST
     * platform documents). A larger one gets {@code 413} "Request too large" and changes nothing.
     *
     * @param max at least 1024
     * @return this builder
     */
    public Builder maxRequestBytes(int max) {
      if (max < 1024) {
        throw new IllegalArgumentException("maxRequestBytes must be at least 1024: " + max);
      }
      this.maxRequestBytes = max;
      return this;
    }

    /**
     * Whether {@code POST /api/v1/{customer,organization}/details/definitions/bulk} exist; default
     * true. False plays a site of the older API version: they answer {@code 404}, and fields are
     * created one at a time with {@code POST /api/v1/{customer,organization}/details}.
     *
     * @param served whether the bulk definition endpoints are served
     * @return this builder
     */
    public Builder definitionsBulk(boolean served) {
      this.definitionsBulk = served;
      return this;
    }

    /**
     * How many of the last requests {@link CsmSandbox#requestLog()} keeps; default 1000, 0 for none
     * (long runs such as benchmarks need no log).
     *
     * @param limit at least 0
     * @return this builder
     */
    public Builder requestLogLimit(int limit) {
      if (limit < 0) {
        throw new IllegalArgumentException("requestLogLimit must not be negative: " + limit);
      }
      this.requestLogLimit = limit;
      return this;
    }

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
     * The port to listen on; default 0, a free port.
     *
     * @param port 0 to 65535
     * @return this builder
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("not a port: " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * The bearer token requests must carry; default a random one.
     *
     * @param token a non-empty token
     * @return this builder
     */
    public Builder token(String token) {
      if (token == null || token.isBlank()) {
        throw new IllegalArgumentException("the token must not be blank");
      }
      this.token = token;
      return this;
    }

    /**
     * The clock that drives the tasks; default the system clock. Use a {@link ManualClock} in
     * tests.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How long a new task stays {@code NOT_STARTED}; default zero.
     *
     * @param queuedFor not negative
     * @return this builder
     */
    public Builder queuedFor(Duration queuedFor) {
      this.queuedFor = nonNegative(queuedFor, "queuedFor");
      return this;
    }

    /**
     * How long a task stays {@code IN_PROGRESS} before it finishes; default 50 ms.
     *
     * @param runsFor not negative
     * @return this builder
     */
    public Builder runsFor(Duration runsFor) {
      this.runsFor = nonNegative(runsFor, "runsFor");
      return this;
    }

    /**
     * The most unfinished tasks a tenant may have; past it a bulk request gets 400 "Maximum number
     * of tasks reached". Default 5.
     *
     * @param taskLimit at least 1
     * @return this builder
     */
    public Builder taskLimit(int taskLimit) {
      if (taskLimit < 1) {
        throw new IllegalArgumentException("taskLimit must be at least 1: " + taskLimit);
      }
      this.taskLimit = taskLimit;
      return this;
    }

    /**
     * How long a finished task's results are kept; afterwards its GET is a 404. Default 3 days.
     *
     * @param retention not negative
     * @return this builder
     */
    public Builder retention(Duration retention) {
      this.retention = nonNegative(retention, "retention");
      return this;
    }

    /**
     * How many threads answer requests; default 16.
     *
     * @param threads at least 1
     * @return this builder
     */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1: " + threads);
      }
      this.threads = threads;
      return this;
    }

    /**
     * Whether requests without {@code X-ExperimentalApi: opt-in} get 412; default true.
     *
     * @param required whether the header is required
     * @return this builder
     */
    public Builder requireExperimentalHeader(boolean required) {
      this.requireExperimentalHeader = required;
      return this;
    }

    /**
     * Starts a sandbox with this configuration.
     *
     * @return the running sandbox; close it when done
     * @throws UncheckedIOException if the address cannot be bound
     */
    public CsmSandbox start() {
      try {
        return new CsmSandbox(this);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the CSM sandbox on " + host + ":" + port, e);
      }
    }

    private static Duration nonNegative(Duration d, String what) {
      if (d.isNegative()) {
        throw new IllegalArgumentException(what + " must not be negative: " + d);
      }
      return d;
    }
  }
}
