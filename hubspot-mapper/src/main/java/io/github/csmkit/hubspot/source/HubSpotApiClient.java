package io.github.csmkit.hubspot.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

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
 * <p>Requests are throttled client-side (default 100 per 10 s). A 429 with policy {@code
 * TEN_SECONDLY_ROLLING} (or {@code SECONDLY}) waits for {@code Retry-After} (else 10 s) and
 * retries; {@code DAILY} throws {@link HubSpotRateLimitException}; 401 throws {@link
 * HubSpotAuthenticationException}; 5xx and I/O errors are retried with backoff. The token never
 * appears in {@link #toString()}, messages or exceptions.
 */
public final class HubSpotApiClient {
  /** HubSpot's API host. */
  public static final URI DEFAULT_BASE_URI = URI.create("https://api.hubapi.com");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PAGE_SIZE = 100;
  private static final Duration DEFAULT_BURST_WAIT = Duration.ofSeconds(10);

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

  private final URI baseUri;
  private final String token;
  private final HttpClient http;
  private final Clock clock;
  private final Sleeper sleeper;
  private final int maxRequests;
  private final Duration window;
  private final boolean includeArchived;
  private final int maxUrlLength;
  private final int maxRetries;
  private final Duration timeout;
  private final Deque<Instant> sent = new ArrayDeque<>();

  private HubSpotApiClient(Builder b) {
    String base = b.baseUri.toString();
    this.baseUri = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    this.token = Objects.requireNonNull(b.token, "token is required");
    this.http =
        b.http != null
            ? b.http
            : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.maxRequests = b.maxRequests;
    this.window = b.window;
    this.includeArchived = b.includeArchived;
    this.maxUrlLength = b.maxUrlLength;
    this.maxRetries = b.maxRetries;
    this.timeout = b.timeout;
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
    return new Paged<>("contacts", properties, JsonRecords.CONTACT, true);
  }

  /**
   * The companies with these properties (internal names), read page by page as the source is
   * iterated.
   *
   * @throws HubSpotApiException (lazily, while iterating) when a request fails for good
   */
  public RecordSource<HubSpotCompany> companies(List<String> properties) {
    return new Paged<>("companies", properties, JsonRecords.COMPANY, false);
  }

  /**
   * The property definitions of an object type ({@code contacts}, {@code companies}) from {@code
   * GET /crm/v3/properties/{objectType}}.
   *
   * @throws HubSpotApiException when the request fails
   */
  public PropertyCatalog properties(String objectType) {
    String path = "/crm/v3/properties/" + encode(objectType);
    return PropertyCatalog.fromJson(send("GET", path, null), path);
  }

  /** Lists one object type lazily, with archived records in a second pass when asked. */
  private final class Paged<T extends HubSpotRecord> implements RecordSource<T> {
    private final String type;
    private final List<String> properties;
    private final JsonRecords.Factory<T> factory;
    private final boolean withCompanies;
    private final String source;
    private boolean iterated;

    Paged(
        String type,
        List<String> properties,
        JsonRecords.Factory<T> factory,
        boolean withCompanies) {
      this.type = type;
      this.properties = List.copyOf(properties);
      this.factory = factory;
      this.withCompanies = withCompanies;
      this.source = "GET /crm/v3/objects/" + type;
    }

    @Override
    public Iterator<SourceRecord<T>> iterator() {
      if (iterated) {
        throw new IllegalStateException("an API source can be iterated once");
      }
      iterated = true;
      return new Iterator<>() {
        private final Deque<SourceRecord<T>> pending = new ArrayDeque<>();
        private String after;
        private boolean archivedPass;
        private boolean done;
        private long count;

        @Override
        public boolean hasNext() {
          while (pending.isEmpty() && !done) {
            after = fetchPage(archivedPass, after, pending, count);
            count += pending.size();
            if (after == null) {
              if (includeArchived && !archivedPass) {
                archivedPass = true;
              } else {
                done = true;
              }
            }
          }
          return !pending.isEmpty();
        }

        @Override
        public SourceRecord<T> next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          return pending.poll();
        }
      };
    }

    /** Reads one page into {@code out}; returns the next cursor, or null after the last page. */
    private String fetchPage(
        boolean archived, String after, Deque<SourceRecord<T>> out, long count) {
      String props = String.join(",", properties);
      StringBuilder q =
          new StringBuilder("/crm/v3/objects/").append(type).append("?limit=").append(PAGE_SIZE);
      String inline = "&properties=" + encode(props);
      boolean batch =
          !properties.isEmpty()
              && baseUri.toString().length() + q.length() + inline.length() + 200 > maxUrlLength;
      if (batch) {
        q.append("&properties=hs_object_id");
      } else if (!properties.isEmpty()) {
        q.append(inline);
      }
      if (archived) {
        q.append("&archived=true");
      }
      if (after != null) {
        q.append("&after=").append(encode(after));
      }
      JsonNode page = send("GET", q.toString(), null);
      List<JsonNode> results = new ArrayList<>();
      page.path("results").forEach(results::add);
      if (batch && !results.isEmpty()) {
        results = batchRead(results, archived);
      }
      Map<String, List<String>> companies = withCompanies ? companiesOf(results) : Map.of();
      long n = count;
      for (JsonNode r : results) {
        SourcePosition pos = new SourcePosition(source, 0, ++n);
        SourceRecord<T> rec = JsonRecords.toRecord(r, pos, factory);
        if (withCompanies
            && rec instanceof SourceRecord.Parsed<T> p
            && p.value() instanceof HubSpotContact c) {
          List<String> ids = companies.getOrDefault(c.id(), c.associatedCompanyIds());
          @SuppressWarnings("unchecked")
          T withIds =
              (T) new HubSpotContact(c.id(), c.properties(), ids, c.archived(), c.position());
          rec = new SourceRecord.Parsed<>(withIds);
        }
        out.add(rec);
      }
      String next = page.path("paging").path("next").path("after").asText(null);
      return next == null || next.isEmpty() ? null : next;
    }

    private List<JsonNode> batchRead(List<JsonNode> page, boolean archived) {
      ObjectNode body = JSON.createObjectNode();
      ArrayNode props = body.putArray("properties");
      properties.forEach(props::add);
      ArrayNode inputs = body.putArray("inputs");
      for (JsonNode r : page) {
        inputs.addObject().put("id", r.path("id").asText());
      }
      JsonNode resp =
          send(
              "POST",
              "/crm/v3/objects/" + type + "/batch/read" + (archived ? "?archived=true" : ""),
              body);
      Map<String, JsonNode> byId = new LinkedHashMap<>();
      resp.path("results").forEach(r -> byId.put(r.path("id").asText(), r));
      List<JsonNode> merged = new ArrayList<>();
      for (JsonNode r : page) {
        merged.add(byId.getOrDefault(r.path("id").asText(), r));
      }
      return merged;
    }

    private Map<String, List<String>> companiesOf(List<JsonNode> contacts) {
      Map<String, List<String>> out = new LinkedHashMap<>();
      Map<String, String> todo = new LinkedHashMap<>();
      for (JsonNode c : contacts) {
        String id = c.path("id").asText("");
        if (!id.isEmpty()) {
          out.put(id, new ArrayList<>());
          todo.put(id, null);
        }
      }
      while (!todo.isEmpty()) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode inputs = body.putArray("inputs");
        todo.forEach(
            (id, cursor) -> {
              ObjectNode in = inputs.addObject().put("id", id);
              if (cursor != null) {
                in.put("after", cursor);
              }
            });
        JsonNode resp = send("POST", "/crm/v4/associations/contacts/companies/batch/read", body);
        todo.clear();
        for (JsonNode r : resp.path("results")) {
          String from = r.path("from").path("id").asText();
          List<String> ids = out.computeIfAbsent(from, k -> new ArrayList<>());
          for (JsonNode to : r.path("to")) {
            String toId = to.path("toObjectId").asText();
            if (!toId.isEmpty() && !ids.contains(toId)) {
              ids.add(toId);
            }
          }
          String next = r.path("paging").path("next").path("after").asText(null);
          if (next != null && !next.isEmpty()) {
            todo.put(from, next);
          }
        }
      }
      return out;
    }

    @Override
    public void close() {
      // nothing held between pages
    }

    @Override
    public String toString() {
      return "HubSpotApiClient.Source[" + type + "]";
    }
  }

  /** Sends a request with throttling and retries; returns the parsed body of a 2xx or 207. */
  JsonNode send(String method, String pathAndQuery, JsonNode body) {
    String what = method + " " + pathAndQuery.replaceAll("\\?.*", "");
    int attempt = 0;
    while (true) {
      attempt++;
      throttle();
      HttpRequest.Builder rb =
          HttpRequest.newBuilder(URI.create(baseUri + pathAndQuery))
              .timeout(timeout)
              .header("Authorization", "Bearer " + token)
              .header("Accept", "application/json");
      if (body != null) {
        rb.header("Content-Type", "application/json")
            .method(
                method,
                HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
      } else {
        rb.method(method, HttpRequest.BodyPublishers.noBody());
      }
      HttpResponse<String> resp;
      try {
        resp = http.send(rb.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        if (attempt > maxRetries) {
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
      int status = resp.statusCode();
      JsonNode json = parse(resp.body());
      String correlationId = json.path("correlationId").asText(null);
      String message = json.path("message").asText(abbreviate(resp.body()));
      if (status >= 200 && status < 300) {
        return json;
      }
      if (status == 401) {
        throw new HubSpotAuthenticationException(
            what
                + " was refused (401): the HubSpot token is missing, invalid or expired: "
                + message,
            correlationId);
      }
      if (status == 429) {
        String policy = json.path("policyName").asText(null);
        if ("DAILY".equals(policy)) {
          throw new HubSpotRateLimitException(
              what
                  + ": HubSpot's daily API limit is reached (it resets at midnight in the portal's time zone): "
                  + message,
              policy,
              correlationId);
        }
        if (attempt > maxRetries) {
          throw new HubSpotRateLimitException(
              what
                  + ": still rate limited ("
                  + policy
                  + ") after "
                  + maxRetries
                  + " retries: "
                  + message,
              policy,
              correlationId);
        }
        pause(retryAfter(resp).orElse(DEFAULT_BURST_WAIT));
        continue;
      }
      if (status >= 500 && attempt <= maxRetries) {
        pause(backoff(attempt));
        continue;
      }
      throw new HubSpotApiException(
          status, what + " failed with HTTP " + status + ": " + message, correlationId, null);
    }
  }

  private static JsonNode parse(String body) {
    try {
      return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

  private static String abbreviate(String s) {
    if (s == null) {
      return "";
    }
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }

  private static Optional<Duration> retryAfter(HttpResponse<?> resp) {
    return resp.headers()
        .firstValue("Retry-After")
        .flatMap(
            v -> {
              try {
                // capped: a hostile or broken answer must not park the reader for hours
                long seconds = Math.max(0, Math.min(60, Long.parseLong(v.trim())));
                return Optional.of(Duration.ofSeconds(seconds));
              } catch (NumberFormatException e) {
                return Optional.empty();
              }
            });
  }

  private static Duration backoff(int attempt) {
    return Duration.ofMillis(Math.min(30_000L, 1000L << Math.min(attempt - 1, 5)));
  }

  /** Blocks until sending one more request stays within {@code maxRequests} per {@code window}. */
  private synchronized void throttle() {
    Instant now = clock.instant();
    while (!sent.isEmpty() && !sent.peekFirst().isAfter(now.minus(window))) {
      sent.pollFirst();
    }
    if (sent.size() >= maxRequests) {
      Duration wait = Duration.between(now, sent.peekFirst().plus(window));
      pause(wait);
      now = clock.instant();
      while (!sent.isEmpty() && !sent.peekFirst().isAfter(now.minus(window))) {
        sent.pollFirst();
      }
    }
    sent.addLast(now);
  }

  private void pause(Duration d) {
    if (d.isZero() || d.isNegative()) {
      return;
    }
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HubSpotApiException(
          0, "interrupted while waiting for HubSpot's rate limit", null, e);
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "HubSpotApiClient[baseUri="
        + baseUri
        + ", token=****, rateLimit="
        + maxRequests
        + "/"
        + window
        + "]";
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
    private boolean includeArchived;
    private int maxUrlLength = 4000;
    private int maxRetries = 5;
    private Duration timeout = Duration.ofSeconds(60);

    private Builder() {}

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

    /** At most {@code requests} per {@code window}; default 100 per 10 s. */
    public Builder rateLimit(int requests, Duration window) {
      if (requests < 1 || window.isNegative() || window.isZero()) {
        throw new IllegalArgumentException(
            "rate limit must be at least 1 request per positive window");
      }
      this.maxRequests = requests;
      this.window = window;
      return this;
    }

    /** The clock used by the rate limiter; default the system clock. */
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

    /** The per-request timeout; default 60 s. */
    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout);
      return this;
    }

    /**
     * The client.
     *
     * @throws NullPointerException when no token was given
     */
    public HubSpotApiClient build() {
      return new HubSpotApiClient(this);
    }

    @Override
    public String toString() {
      return "HubSpotApiClient.Builder[baseUri=" + baseUri + ", token=****]";
    }
  }
}
