package io.github.csmkit.client;

import io.github.csmkit.client.error.BadRequestException;
import io.github.csmkit.client.error.CsmException;
import io.github.csmkit.client.error.CsmServiceException;
import io.github.csmkit.client.error.CsmServiceException.HttpFacts;
import io.github.csmkit.client.error.ForbiddenException;
import io.github.csmkit.client.error.IdempotencyConflictException;
import io.github.csmkit.client.error.InvalidResponseException;
import io.github.csmkit.client.error.NotFoundException;
import io.github.csmkit.client.error.PreconditionFailedException;
import io.github.csmkit.client.error.RateLimitedException;
import io.github.csmkit.client.error.ServerErrorException;
import io.github.csmkit.client.error.TaskLimitReachedException;
import io.github.csmkit.client.error.TransportException;
import io.github.csmkit.client.error.UnauthorizedException;
import io.github.csmkit.client.error.UnexpectedStatusException;
import io.github.csmkit.client.internal.WireFormat;
import io.github.csmkit.client.model.IdempotencyKey;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Sends one logical request: the headers every CSM call needs, bounded bodies, retries with backoff
 * or {@code Retry-After}, one idempotency key on every attempt, the client-wide pause after a 429,
 * and every failure turned into the exception its status calls for. Asynchronous throughout; the
 * synchronous API joins.
 */
final class Transport {
  private static final System.Logger LOG = System.getLogger("io.github.csmkit.client");
  private static final Set<Integer> RETRYABLE = Set.of(408, 429, 500, 502, 503, 504);
  private static final Pattern TASK_LIMIT =
      Pattern.compile("maximum number of tasks", Pattern.CASE_INSENSITIVE);

  /** A 400 that says a key was used before (with another body): the conflict, by its wording. */
  private static final Pattern IDEMPOTENCY =
      Pattern.compile("idempoten.*(reuse|re-use|already used|different)", Pattern.CASE_INSENSITIVE);

  private static final int EXCERPT = 1000;

  private final Settings s;

  /** Until when every request of this client waits, after a 429 with {@code Retry-After}. */
  private final AtomicReference<Instant> pausedUntil = new AtomicReference<>(Instant.MIN);

  public Transport(Settings settings) {
    this.s = settings;
  }

  /**
   * Everything a transport needs; built by the client.
   *
   * @param http the JDK client
   * @param base the base URI, without a trailing slash
   * @param authorization the {@code Authorization} header value
   * @param redactor removes the secret from any text
   * @param userAgent the {@code User-Agent}
   * @param attemptTimeout the timeout of one attempt
   * @param callTimeout the deadline of a call, retries included
   * @param retry the retry policy
   * @param clock the clock
   * @param sleeper waits between attempts
   * @param executor runs continuations
   * @param listener observes requests
   * @param maxResponseBytes the largest body read
   * @param random jitter source, numbers in [0, 1)
   */
  public record Settings(
      HttpClient http,
      URI base,
      String authorization,
      UnaryOperator<String> redactor,
      String userAgent,
      Duration attemptTimeout,
      Duration callTimeout,
      RetryPolicy retry,
      Clock clock,
      Sleeper sleeper,
      Executor executor,
      CsmListener listener,
      long maxResponseBytes,
      DoubleSupplier random) {
    /** Never shows the authorization. */
    @Override
    public String toString() {
      return "Transport.Settings[base=" + base + ", retry=" + retry + "]";
    }
  }

  /**
   * A successful answer.
   *
   * @param status the 2xx status
   * @param headers the headers
   * @param body the body, at most the configured size
   * @param requestId the server's request id, or null
   */
  public record Response(int status, HttpHeaders headers, byte[] body, String requestId) {}

  public Settings settings() {
    return s;
  }

  public URI base() {
    return s.base();
  }

  /** The URI of an API path such as {@code /api/v1/tasks/1}. */
  public URI uri(String path) {
    return URI.create(s.base().toString() + path);
  }

  /** GET a path or absolute URI. */
  public CompletableFuture<Response> get(URI uri) {
    return send(new Call("GET", uri, null, null, false));
  }

  /** POST a JSON body; bulk POSTs pass their idempotency key, reads pass null. */
  public CompletableFuture<Response> post(URI uri, byte[] body, IdempotencyKey key) {
    return post(uri, body, key, false);
  }

  /**
   * POST a JSON body; with {@code callerPaces}, the tenant's task limit and 429s fail at once
   * (neither retried nor pausing the client): the caller's own loop waits for them.
   */
  public CompletableFuture<Response> post(
      URI uri, byte[] body, IdempotencyKey key, boolean callerPaces) {
    return send(new Call("POST", uri, body, key, callerPaces));
  }

  /**
   * Parses a successful answer, turning a body that cannot be read into {@link
   * InvalidResponseException}.
   */
  public <T> T read(Response r, Call call, Function<byte[], T> reader) {
    try {
      return reader.apply(r.body());
    } catch (WireFormat.WireException | IllegalStateException e) {
      throw new InvalidResponseException(
          call.describe() + ": the answer could not be read: " + e.getMessage(),
          facts(r.status(), r.headers(), r.body(), null));
    }
  }

  /**
   * Like {@link #read(Response, Call, Function)} for calls made with {@link #get} or {@link #post}.
   */
  public <T> Function<Response, T> reader(String method, URI uri, Function<byte[], T> reader) {
    Call call = new Call(method, uri, null, null, false);
    return r -> read(r, call, reader);
  }

  /**
   * One logical request.
   *
   * @param method GET or POST
   * @param uri the full URI
   * @param body the JSON body of a POST
   * @param key the idempotency key of a bulk POST
   * @param callerPaces the caller owns waits for the task limit and 429s
   */
  public record Call(String method, URI uri, byte[] body, IdempotencyKey key, boolean callerPaces) {
    String describe() {
      return method + " " + uri.getRawPath();
    }
  }

  private CompletableFuture<Response> send(Call call) {
    Instant deadline = s.clock().instant().plus(s.callTimeout());
    return attempt(call, 1, deadline);
  }

  private CompletableFuture<Response> attempt(Call call, int attempt, Instant deadline) {
    Instant until = pausedUntil.get();
    if (until.isAfter(deadline)) { // the pause outlasts this call: say so at once, with the wait
      return CompletableFuture.failedFuture(
          new RateLimitedException(
              call.describe()
                  + ": the client is paused by a 429 until "
                  + until
                  + ", past this call's deadline",
              new CsmServiceException.HttpFacts(
                  429, null, "", Duration.between(s.clock().instant(), until))));
    }
    return awaitPause().thenComposeAsync(v -> exchange(call, attempt, deadline), s.executor());
  }

  /** Waits while a 429 has paused the whole client. */
  private CompletableFuture<Void> awaitPause() {
    Duration wait = Duration.between(s.clock().instant(), pausedUntil.get());
    if (wait.isNegative() || wait.isZero()) {
      return CompletableFuture.completedFuture(null);
    }
    return s.sleeper().sleep(wait).thenCompose(v -> awaitPause());
  }

  // handleAsync yields a future of a future, flattened at once by thenCompose(identity)
  @SuppressWarnings("FutureReturnValueIgnored")
  private CompletableFuture<Response> exchange(Call call, int attempt, Instant deadline) {
    HttpRequest request = request(call, deadline);
    notify(
        l ->
            l.requestSent(
                new CsmListener.RequestSent(
                    call.method(), call.uri(), attempt, Optional.ofNullable(call.key()))));
    long started = System.nanoTime();
    CompletableFuture<HttpResponse<byte[]>> answer;
    try {
      answer = s.http().sendAsync(request, BoundedBody.handler(s.maxResponseBytes()));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(
          new CsmException(call.describe() + ": " + e.getMessage(), e));
    }
    return answer
        .handleAsync(
            (response, error) -> outcome(call, attempt, deadline, started, response, error),
            s.executor())
        .thenCompose(Function.identity());
  }

  private HttpRequest request(Call call, Instant deadline) {
    Duration remaining = Duration.between(s.clock().instant(), deadline);
    Duration timeout = remaining.compareTo(s.attemptTimeout()) < 0 ? remaining : s.attemptTimeout();
    if (timeout.compareTo(Duration.ofMillis(1)) < 0) {
      timeout = Duration.ofMillis(1);
    }
    HttpRequest.Builder b =
        HttpRequest.newBuilder(call.uri())
            .timeout(timeout)
            .header("Authorization", s.authorization())
            .header("Accept", "application/json")
            .header("X-ExperimentalApi", "opt-in")
            .header("User-Agent", s.userAgent());
    if (call.body() != null) {
      b.header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(call.body()));
    } else {
      b.GET();
    }
    if (call.key() != null) {
      b.header("Idempotency-Key", call.key().value());
    }
    return b.build();
  }

  private CompletableFuture<Response> outcome(
      Call call,
      int attempt,
      Instant deadline,
      long started,
      HttpResponse<byte[]> response,
      Throwable error) {
    if (error != null) {
      Throwable cause = unwrap(error);
      if (cause instanceof BoundedBody.TooLargeException tooLarge) {
        return CompletableFuture.failedFuture(
            new InvalidResponseException(
                call.describe() + ": " + tooLarge.getMessage(),
                new HttpFacts(200, null, "", null)));
      }
      if (cause instanceof IOException io) {
        String what = s.redactor().apply(IoMessages.of(io, call.uri()));
        String reason = "I/O: " + what;
        return retryOrFail(
            call,
            attempt,
            deadline,
            null,
            reason,
            () ->
                new TransportException(
                    call.describe()
                        + " failed after "
                        + attempt
                        + (attempt == 1 ? " attempt: " : " attempts: ")
                        + io.getClass().getSimpleName()
                        + ": "
                        + what,
                    io),
            false);
      }
      return CompletableFuture.failedFuture(
          cause instanceof CsmException c
              ? c
              : new CsmException(
                  call.describe() + ": " + s.redactor().apply(cause.toString()), cause));
    }
    int status = response.statusCode();
    byte[] body = response.body() == null ? new byte[0] : response.body();
    String requestId = requestId(response.headers());
    notify(
        l ->
            l.responseReceived(
                new CsmListener.ResponseReceived(
                    call.method(),
                    call.uri(),
                    attempt,
                    status,
                    Optional.ofNullable(requestId),
                    Duration.ofNanos(System.nanoTime() - started))));
    if (status >= 200 && status < 300) {
      return CompletableFuture.completedFuture(
          new Response(status, response.headers(), body, requestId));
    }
    Optional<Duration> retryAfter =
        RetryAfter.parse(
            response.headers().firstValue("Retry-After").orElse(null), s.clock().instant());
    CsmServiceException failure =
        exception(call, status, response.headers(), body, retryAfter.orElse(null));
    boolean pushBack = status == 429 || failure instanceof TaskLimitReachedException;
    boolean retryable = RETRYABLE.contains(status) || pushBack;
    if (!retryable || (pushBack && call.callerPaces())) {
      return CompletableFuture.failedFuture(failure);
    }
    if (retryAfter.isPresent() && retryAfter.get().compareTo(s.retry().maxRetryAfter()) > 0) {
      return CompletableFuture.failedFuture(failure);
    }
    // a 429 that says how long to wait pauses the whole client until then; one that does not is
    // the request's own affair (its backoff), so that, say, task polls keep freeing tenant slots
    return retryOrFail(
        call,
        attempt,
        deadline,
        retryAfter.orElse(null),
        "HTTP " + status,
        () -> failure,
        status == 429 && retryAfter.isPresent());
  }

  private CompletableFuture<Response> retryOrFail(
      Call call,
      int attempt,
      Instant deadline,
      Duration retryAfter,
      String reason,
      Supplier<CsmException> failure,
      boolean pauseClient) {
    if (attempt >= s.retry().maxAttempts()) {
      return CompletableFuture.failedFuture(failure.get());
    }
    Duration delay =
        retryAfter != null ? retryAfter : s.retry().backoff(attempt, s.random().getAsDouble());
    Instant now = s.clock().instant();
    if (now.plus(delay).isAfter(deadline)) {
      return CompletableFuture.failedFuture(failure.get());
    }
    if (pauseClient) {
      Instant until = now.plus(delay);
      pausedUntil.accumulateAndGet(until, (a, b) -> a.isAfter(b) ? a : b);
    }
    LOG.log(
        Level.INFO,
        () ->
            call.describe()
                + " attempt "
                + attempt
                + " failed ("
                + reason
                + "); retrying in "
                + delay.toMillis()
                + " ms");
    notify(
        l ->
            l.retryScheduled(
                new CsmListener.RetryScheduled(call.method(), call.uri(), attempt, delay, reason)));
    return s.sleeper().sleep(delay).thenCompose(v -> attempt(call, attempt + 1, deadline));
  }

  private CsmServiceException exception(
      Call call, int status, HttpHeaders headers, byte[] body, Duration retryAfter) {
    HttpFacts facts = facts(status, headers, body, retryAfter);
    String message = WireFormat.errorMessage(body);
    String text = message != null ? message : facts.bodyExcerpt();
    String what = call.describe();
    if (status == 400 && TASK_LIMIT.matcher(text).find()) {
      return new TaskLimitReachedException(
          what + ": the site's limit of unfinished bulk tasks is reached", facts);
    }
    if (status == 409 || status == 422 || (status == 400 && IDEMPOTENCY.matcher(text).find())) {
      return new IdempotencyConflictException(
          what
              + ": Idempotency-Key "
              + (call.key() == null ? "" : call.key().value() + " ")
              + "was already used with a different request body; send a new key for a changed batch",
          facts);
    }
    return switch (status) {
      case 400 -> new BadRequestException(what + ": bad request", facts);
      case 401 ->
          new UnauthorizedException(what + ": not authenticated; check the credentials", facts);
      case 403 ->
          new ForbiddenException(what + ": forbidden; the credentials lack a permission", facts);
      case 404 -> new NotFoundException(what + ": not found", facts);
      case 412 ->
          new PreconditionFailedException(
              what
                  + ": precondition failed; the X-ExperimentalApi: opt-in header did not reach the server",
              facts);
      case 429 ->
          new RateLimitedException(
              what + ": rate limited" + (retryAfter == null ? "" : "; retry after " + retryAfter),
              facts);
      default ->
          status >= 500
              ? new ServerErrorException(what + ": server error", facts)
              : new UnexpectedStatusException(what + ": unexpected status", facts);
    };
  }

  private HttpFacts facts(int status, HttpHeaders headers, byte[] body, Duration retryAfter) {
    String text = new String(body, 0, Math.min(body.length, EXCERPT * 4), StandardCharsets.UTF_8);
    if (text.length() > EXCERPT) {
      text = text.substring(0, EXCERPT) + "…";
    }
    return new HttpFacts(status, requestId(headers), s.redactor().apply(text.strip()), retryAfter);
  }

  private static String requestId(HttpHeaders headers) {
    for (String name : new String[] {"X-Request-Id", "atl-request-id", "atl-traceid"}) {
      Optional<String> v = headers.firstValue(name);
      if (v.isPresent() && !v.get().isBlank()) {
        return v.get();
      }
    }
    return null;
  }

  private void notify(Consumer<CsmListener> event) {
    try {
      event.accept(s.listener());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "a CsmListener threw; ignored", e);
    }
  }

  static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /**
   * Waits for a future on behalf of a synchronous call: its own exceptions as they are, an
   * interrupt as a {@link CsmException} with the interrupt flag kept (the call is cancelled).
   */
  public static <T> T join(CompletableFuture<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new CsmException("interrupted while waiting for CSM", e);
    } catch (ExecutionException e) {
      Throwable cause = unwrap(e);
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new CsmException(String.valueOf(cause.getMessage()), cause);
    } catch (java.util.concurrent.CancellationException e) {
      throw new CsmException("the call was cancelled", e);
    }
  }
}
