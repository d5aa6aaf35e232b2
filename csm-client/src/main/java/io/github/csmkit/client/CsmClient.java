package io.github.csmkit.client;

import io.github.csmkit.client.internal.WireWriter;
import io.github.csmkit.client.model.CustomerAccountBatch;
import io.github.csmkit.client.model.CustomerDetailBatch;
import io.github.csmkit.client.model.OrganizationDetailBatch;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A client for the Atlassian CSM bulk APIs. Thread-safe; build one per site and share it.
 *
 * <pre>{@code
 * try (CsmClient csm = CsmClient.builder()
 *     .cloudId("a436116f-...")
 *     .credentials(Credentials.bearer(System.getenv("CSM_TOKEN")))
 *     .build()) {
 *   SubmittedTask task = csm.customerProfiles().submit(batch);
 *   TaskStatus done = csm.tasks().await(task);
 * }
 * }</pre>
 *
 * <p>Every call has a blocking form and an {@code ...Async} form returning a {@link
 * java.util.concurrent.CompletableFuture} whose stages run on the client's executor.
 */
public final class CsmClient implements AutoCloseable {
  /** The API host of every CSM site; the cloud id selects the site. */
  public static final String ATLASSIAN_API = "https://api.atlassian.com/jsm/csm/cloudid/";

  private static final Pattern CLOUD_ID = Pattern.compile("[A-Za-z0-9-]{1,100}");

  private final Transport transport;
  private final ExecutorService ownedExecutor;
  private final Credentials credentials;
  private final CustomerProfiles customerProfiles;
  private final OrganizationProfiles organizationProfiles;
  private final BulkEndpoint<CustomerAccountBatch> customerAccounts;
  private final BulkEndpoint<CustomerDetailBatch> customerDetails;
  private final BulkEndpoint<OrganizationDetailBatch> organizationDetails;
  private final DetailFields customerDetailFields;
  private final DetailFields organizationDetailFields;
  private final Tasks tasks;

  private CsmClient(Builder b, Transport transport, ExecutorService ownedExecutor) {
    this.transport = transport;
    this.ownedExecutor = ownedExecutor;
    this.credentials = b.credentials;
    this.customerProfiles = new CustomerProfiles(transport);
    this.organizationProfiles = new OrganizationProfiles(transport);
    this.customerAccounts =
        new BulkEndpoint<>(transport, "/api/v1/customer/bulk", WireWriter::write);
    this.customerDetails =
        new BulkEndpoint<>(transport, "/api/v1/customer/details/bulk", WireWriter::write);
    this.organizationDetails =
        new BulkEndpoint<>(transport, "/api/v1/organization/details/bulk", WireWriter::write);
    this.customerDetailFields = new DetailFields(transport, "customer");
    this.organizationDetailFields = new DetailFields(transport, "organization");
    this.tasks = new Tasks(transport, b.pollPolicy);
  }

  /** A new builder; the base (a cloud id or a base URI) and the credentials are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Customer profiles: bulk create/update/upsert with details and organizations; fetch. */
  public CustomerProfiles customerProfiles() {
    return customerProfiles;
  }

  /** Organization profiles: bulk create/update/upsert with details and members; lookup by name. */
  public OrganizationProfiles organizationProfiles() {
    return organizationProfiles;
  }

  /** Basic customer accounts (email and display name): {@code POST /api/v1/customer/bulk}. */
  public BulkEndpoint<CustomerAccountBatch> customerAccounts() {
    return customerAccounts;
  }

  /** Customers' detail values: {@code POST /api/v1/customer/details/bulk}. */
  public BulkEndpoint<CustomerDetailBatch> customerDetails() {
    return customerDetails;
  }

  /** Organizations' detail values: {@code POST /api/v1/organization/details/bulk}. */
  public BulkEndpoint<OrganizationDetailBatch> organizationDetails() {
    return organizationDetails;
  }

  /** Customer detail-field definitions: create in bulk, list. */
  public DetailFields customerDetailFields() {
    return customerDetailFields;
  }

  /** Organization detail-field definitions: create in bulk, list. */
  public DetailFields organizationDetailFields() {
    return organizationDetailFields;
  }

  /** Task status and waiting. */
  public Tasks tasks() {
    return tasks;
  }

  /** The clock this client measures deadlines and {@code Retry-After} dates with. */
  public Clock clock() {
    return transport.settings().clock();
  }

  /** How this client waits between retries and polls; the import engine waits with it too. */
  public Sleeper sleeper() {
    return transport.settings().sleeper();
  }

  /** The retry policy of this client's requests. */
  public RetryPolicy retryPolicy() {
    return transport.settings().retry();
  }

  /** The base URI every path is resolved against. */
  public URI baseUri() {
    return transport.base();
  }

  /** Stops the executor the client created for itself, if any; a supplied one is left running. */
  @Override
  public void close() {
    if (ownedExecutor != null) {
      ownedExecutor.shutdown();
    }
  }

  /** The base URI and the credentials' scheme; never the secret. */
  @Override
  public String toString() {
    return "CsmClient[" + transport.base() + ", " + credentials + "]";
  }

  /** The SDK's version, from the jar; {@code "dev"} when run from classes without one. */
  public static String version() {
    try (InputStream in = CsmClient.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        String v = p.getProperty("version", "");
        if (!v.isBlank() && !v.startsWith("$")) {
          return v;
        }
      }
    } catch (IOException ignored) {
      // fall through
    }
    return "dev";
  }

  /**
   * Builds a {@link CsmClient}. Required: a {@link #cloudId(String)} or {@link #baseUri(URI)}, and
   * {@link #credentials(Credentials)}. Everything else has a default (see the README's
   * configuration table).
   */
  public static final class Builder {
    private URI base;
    private Credentials credentials;
    private HttpClient httpClient;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration attemptTimeout = Duration.ofSeconds(30);
    private Duration callTimeout = Duration.ofMinutes(5);
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private PollPolicy pollPolicy = PollPolicy.defaults();
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper;
    private Executor executor;
    private String userAgentSuffix;
    private CsmListener listener = CsmListener.NONE;
    private boolean allowInsecureHttp;
    private long maxResponseBytes = 8L * 1024 * 1024;

    private Builder() {}

    /**
     * The site's cloud id: the base becomes {@code
     * https://api.atlassian.com/jsm/csm/cloudid/{cloudId}}.
     *
     * @throws IllegalArgumentException if it is not a cloud id (letters, digits and dashes)
     */
    public Builder cloudId(String cloudId) {
      if (cloudId == null || !CLOUD_ID.matcher(cloudId).matches()) {
        throw new IllegalArgumentException(
            "a cloud id has letters, digits and dashes only, was '" + cloudId + "'");
      }
      this.base = URI.create(ATLASSIAN_API + cloudId);
      return this;
    }

    /**
     * Any base: a sandbox, a proxy or a test server. Paths such as {@code /api/v1/tasks/1} are
     * appended to it.
     */
    public Builder baseUri(URI baseUri) {
      Objects.requireNonNull(baseUri, "baseUri");
      if (!baseUri.isAbsolute() || baseUri.getHost() == null) {
        throw new IllegalArgumentException(
            "the base URI must be absolute with a host, was " + baseUri);
      }
      String s = baseUri.toString();
      while (s.endsWith("/")) {
        s = s.substring(0, s.length() - 1);
      }
      this.base = URI.create(s);
      return this;
    }

    /** {@link #baseUri(URI)} from a string. */
    public Builder baseUri(String baseUri) {
      return baseUri(URI.create(baseUri));
    }

    /** How to authenticate; required, not null. */
    public Builder credentials(Credentials credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /**
     * The JDK client to use, for proxies, TLS or an authenticator of your own. It should not follow
     * redirects (the {@code Authorization} header must not reach another host). Default: HTTP/1.1,
     * redirects never followed, the connect timeout below.
     */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    /** Connect timeout of the default HTTP client. Default 10 s. */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive(connectTimeout, "connectTimeout");
      return this;
    }

    /** The timeout of one attempt, from sending to the whole answer. Default 30 s. */
    public Builder attemptTimeout(Duration attemptTimeout) {
      this.attemptTimeout = positive(attemptTimeout, "attemptTimeout");
      return this;
    }

    /** The deadline of one call, all retries and waits included. Default 5 minutes. */
    public Builder callTimeout(Duration callTimeout) {
      this.callTimeout = positive(callTimeout, "callTimeout");
      return this;
    }

    /** When and how often to retry failed attempts; default {@link RetryPolicy#defaults()}. */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /**
     * How {@link Tasks#await(SubmittedTask)} polls a task; default {@link PollPolicy#defaults()}.
     */
    public Builder pollPolicy(PollPolicy pollPolicy) {
      this.pollPolicy = Objects.requireNonNull(pollPolicy, "pollPolicy");
      return this;
    }

    /** The clock deadlines and {@code Retry-After} dates are measured with. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How to wait between retries and polls. Default: real time on the executor. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Where async continuations run. Default: a cached pool of daemon threads owned by the client
     * and stopped by {@link CsmClient#close()}. Never the common pool.
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /** Appended to the {@code User-Agent}, for example {@code "my-migration/1.2"}. */
    public Builder userAgentSuffix(String suffix) {
      if (suffix != null && suffix.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
        throw new IllegalArgumentException("the user-agent suffix must be printable ASCII");
      }
      this.userAgentSuffix = suffix;
      return this;
    }

    /** Observes requests, answers, retries and polls; default {@link CsmListener#NONE}. */
    public Builder listener(CsmListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Allow plain {@code http://} to a host that is not loopback. Off by default: the token would
     * cross the network in clear text.
     */
    public Builder allowInsecureHttp(boolean allow) {
      this.allowInsecureHttp = allow;
      return this;
    }

    /** The largest response body read; larger ones fail as invalid. Default 8 MiB. */
    public Builder maxResponseBytes(long maxResponseBytes) {
      if (maxResponseBytes < 1024) {
        throw new IllegalArgumentException("maxResponseBytes must be at least 1024");
      }
      this.maxResponseBytes = maxResponseBytes;
      return this;
    }

    /**
     * Builds the client.
     *
     * @throws IllegalStateException if the base or the credentials are missing, or the base is
     *     plain http to a non-loopback host without {@link #allowInsecureHttp(boolean)}
     */
    public CsmClient build() {
      if (base == null) {
        throw new IllegalStateException("set cloudId(...) or baseUri(...)");
      }
      if (credentials == null) {
        throw new IllegalStateException(
            "set credentials(...), for example Credentials.bearer(token)");
      }
      String scheme = base.getScheme().toLowerCase(java.util.Locale.ROOT);
      if (!scheme.equals("https") && !scheme.equals("http")) {
        throw new IllegalStateException("the base URI must be http or https, was " + base);
      }
      if (scheme.equals("http") && !allowInsecureHttp && !isLoopback(base.getHost())) {
        throw new IllegalStateException(
            "refusing plain http to "
                + base.getHost()
                + ": the token would travel unencrypted; use https, or allowInsecureHttp(true)");
      }
      ExecutorService owned = null;
      Executor exec = executor;
      if (exec == null) {
        owned = Executors.newCachedThreadPool(daemonThreads());
        exec = owned;
      }
      HttpClient http = httpClient;
      if (http == null) {
        http =
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .executor(exec)
                .build();
      }
      String userAgent =
          "csmkit/"
              + version()
              + " Java/"
              + System.getProperty("java.version")
              + (userAgentSuffix == null || userAgentSuffix.isBlank()
                  ? ""
                  : " " + userAgentSuffix.trim());
      Credentials creds = credentials;
      Transport transport =
          new Transport(
              new Transport.Settings(
                  http,
                  base,
                  creds.authorization(),
                  creds::redact,
                  userAgent,
                  attemptTimeout,
                  callTimeout,
                  retryPolicy,
                  clock,
                  sleeper != null ? sleeper : Sleeper.system(exec),
                  exec,
                  listener,
                  maxResponseBytes,
                  () -> ThreadLocalRandom.current().nextDouble()));
      return new CsmClient(this, transport, owned);
    }

    private static boolean isLoopback(String host) {
      if (host == null) {
        return false;
      }
      String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
      if (h.equalsIgnoreCase("localhost")) {
        return true;
      }
      if (!h.matches("[0-9.]+") && !h.contains(":")) {
        return false; // a name other than localhost: never resolve it here
      }
      try {
        return InetAddress.getByName(h).isLoopbackAddress();
      } catch (UnknownHostException e) {
        return false;
      }
    }

    private static ThreadFactory daemonThreads() {
      AtomicInteger n = new AtomicInteger();
      return r -> {
        Thread t = new Thread(r, "csmkit-" + n.incrementAndGet());
        t.setDaemon(true);
        return t;
      };
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + d);
      }
      return d;
    }
  }
}
