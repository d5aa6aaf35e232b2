package io.github.csmkit.client;

import static io.github.csmkit.client.ClientTestSupport.call;
import static io.github.csmkit.client.ClientTestSupport.json;
import static io.github.csmkit.client.ClientTestSupport.submitted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.csmkit.client.error.BadRequestException;
import io.github.csmkit.client.error.RateLimitedException;
import io.github.csmkit.client.error.ServerErrorException;
import io.github.csmkit.client.error.TaskLimitReachedException;
import io.github.csmkit.client.error.TransportException;
import io.github.csmkit.client.model.CustomerAccount;
import io.github.csmkit.client.model.CustomerAccountBatch;
import io.github.csmkit.client.model.SubmittedTask;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Retries: which answers are retried, how long each wait is, and that the key never changes. */
class RetryTest {
  @StartStop final MockWebServer server = new MockWebServer();
  private final FakeTime time = new FakeTime();
  private final List<CsmListener.RetryScheduled> retries = new CopyOnWriteArrayList<>();
  private final CsmListener listener =
      new CsmListener() {
        @Override
        public void retryScheduled(RetryScheduled event) {
          retries.add(event);
        }
      };

  private static final CustomerAccountBatch BATCH =
      CustomerAccountBatch.of(List.of(CustomerAccount.of("alice@example.com", "Alice")));

  private CsmClient client() {
    return ClientTestSupport.client(server, time).listener(listener).build();
  }

  private SubmittedTask submit(CsmClient csm, boolean async) {
    return call(
        async,
        () -> csm.customerAccounts().submit(BATCH),
        () -> csm.customerAccounts().submitAsync(BATCH));
  }

  private List<String> keysSent() throws InterruptedException {
    List<String> keys = new ArrayList<>();
    for (int i = server.getRequestCount(); i > 0; i--) {
      RecordedRequest r = server.takeRequest(1, TimeUnit.SECONDS);
      if (r == null) {
        break;
      }
      keys.add(r.getHeaders().get("Idempotency-Key"));
    }
    return keys;
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void honoursRetryAfterInSeconds(boolean async) throws Exception {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "2").build());
    server.enqueue(submitted("t1"));
    try (CsmClient csm = client()) {
      assertThat(submit(csm, async).id()).isEqualTo("t1");
    }
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(2));
    List<String> keys = keysSent();
    assertThat(keys).hasSize(2);
    assertThat(keys.get(1)).isEqualTo(keys.get(0));
    assertThat(retries)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.attempt()).isEqualTo(1);
              assertThat(r.delay()).isEqualTo(Duration.ofSeconds(2));
              assertThat(r.reason()).isEqualTo("HTTP 429");
            });
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void honoursRetryAfterAsAnHttpDate(boolean async) throws Exception {
    String in7s =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            time.instant().plusSeconds(7).atOffset(ZoneOffset.UTC));
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", in7s).build());
    server.enqueue(submitted("t1"));
    try (CsmClient csm = client()) {
      submit(csm, async);
    }
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(7));
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void backsOffExponentiallyOn503(boolean async) throws Exception {
    server.enqueue(json(503, "{\"message\":\"unavailable\"}"));
    server.enqueue(json(502, ""));
    server.enqueue(json(500, ""));
    server.enqueue(json(504, ""));
    server.enqueue(json(408, ""));
    server.enqueue(submitted("t1"));
    try (CsmClient csm = client()) {
      submit(csm, async);
    }
    assertThat(time.sleeps)
        .containsExactly(
            Duration.ofMillis(500),
            Duration.ofMillis(1000),
            Duration.ofMillis(2000),
            Duration.ofMillis(4000),
            Duration.ofMillis(8000));
    List<String> keys = keysSent();
    assertThat(keys).hasSize(6).containsOnly(keys.get(0));
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void retriesADroppedConnectionWithTheSameKey(boolean async) throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .onRequestBody(new SocketEffect.CloseSocket(true, false, false))
            .build());
    server.enqueue(submitted("t1"));
    try (CsmClient csm = client()) {
      assertThat(submit(csm, async).id()).isEqualTo("t1");
    }
    // the JDK client may also meet the closed socket again on a pooled connection: one more I/O
    // retry
    assertThat(time.sleeps).startsWith(Duration.ofMillis(500)).hasSizeLessThanOrEqualTo(2);
    assertThat(retries).isNotEmpty().allSatisfy(r -> assertThat(r.reason()).startsWith("I/O: "));
    List<String> keys = keysSent();
    assertThat(keys).hasSizeGreaterThanOrEqualTo(2).containsOnly(keys.get(0));
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aRetryAfterBeyondTheCapFailsAtOnceWithTheWait(boolean async) {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "120").build());
    try (CsmClient csm = client()) {
      assertThatThrownBy(() -> submit(csm, async))
          .isInstanceOfSatisfying(
              RateLimitedException.class,
              e -> {
                assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
                assertThat(e.statusCode()).isEqualTo(429);
              });
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(time.sleeps).isEmpty();
  }

  @Test
  void theCapIsConfigurable() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "120").build());
    server.enqueue(submitted("t1"));
    try (CsmClient csm =
        ClientTestSupport.client(server, time)
            .retryPolicy(
                RetryPolicy.builder().jitter(0).maxRetryAfter(Duration.ofMinutes(5)).build())
            .callTimeout(Duration.ofMinutes(10))
            .build()) {
      assertThat(csm.customerAccounts().submit(BATCH).id()).isEqualTo("t1");
    }
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(120));
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void givesUpAfterMaxAttempts(boolean async) {
    for (int i = 0; i < 6; i++) {
      server.enqueue(json(503, "{\"message\":\"down for maintenance\"}"));
    }
    try (CsmClient csm = client()) {
      assertThatThrownBy(() -> submit(csm, async))
          .isInstanceOf(ServerErrorException.class)
          .hasMessageContaining("HTTP 503")
          .hasMessageContaining("down for maintenance");
    }
    assertThat(server.getRequestCount()).isEqualTo(6);
    assertThat(time.sleeps).hasSize(5);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void theTaskLimitIsBackPressure(boolean async) throws Exception {
    server.enqueue(json(400, "{\"message\":\"Maximum number of tasks reached\"}"));
    server.enqueue(json(400, "{\"errorMessage\":\"Maximum number of tasks reached\"}"));
    server.enqueue(submitted("t1"));
    try (CsmClient csm = client()) {
      assertThat(submit(csm, async).id()).isEqualTo("t1");
    }
    assertThat(time.sleeps).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
    List<String> keys = keysSent();
    assertThat(keys).hasSize(3).containsOnly(keys.get(0));
  }

  @Test
  void theTaskLimitExhaustedIsItsOwnException() {
    for (int i = 0; i < 2; i++) {
      server.enqueue(json(400, "{\"message\":\"Maximum number of tasks reached\"}"));
    }
    try (CsmClient csm =
        ClientTestSupport.client(server, time)
            .retryPolicy(RetryPolicy.builder().jitter(0).maxAttempts(2).build())
            .build()) {
      assertThatThrownBy(() -> csm.customerAccounts().submit(BATCH))
          .isInstanceOf(TaskLimitReachedException.class)
          .isInstanceOf(BadRequestException.class);
    }
  }

  @Test
  void otherBadRequestsAreNotRetried() {
    server.enqueue(json(400, "{\"message\":\"Invalid payload\"}"));
    try (CsmClient csm = client()) {
      assertThatThrownBy(() -> csm.customerAccounts().submit(BATCH))
          .isExactlyInstanceOf(BadRequestException.class)
          .hasMessageContaining("Invalid payload");
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void theCallDeadlineBoundsAllRetries() {
    server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "8").build());
    server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "8").build());
    try (CsmClient csm =
        ClientTestSupport.client(server, time).callTimeout(Duration.ofSeconds(10)).build()) {
      assertThatThrownBy(() -> csm.customerAccounts().submit(BATCH))
          .isInstanceOfSatisfying(
              ServerErrorException.class,
              e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(8)));
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(8));
  }

  @Test
  void anAttemptThatTimesOutIsRetriedThenReported() {
    for (int i = 0; i < 2; i++) {
      server.enqueue(
          new MockResponse.Builder().headersDelay(2, TimeUnit.SECONDS).body("{}").build());
    }
    try (CsmClient csm =
        ClientTestSupport.client(server, time)
            .attemptTimeout(Duration.ofMillis(200))
            .retryPolicy(RetryPolicy.builder().jitter(0).maxAttempts(2).build())
            .build()) {
      assertThatThrownBy(() -> csm.customerAccounts().submit(BATCH))
          .isInstanceOf(TransportException.class)
          .hasMessageContaining("failed after 2 attempts")
          .hasMessageContaining("HttpTimeoutException");
    }
  }

  @Test
  void aRefusedConnectionNamesTheHostAndPort() throws Exception {
    int port;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
      port = free.getLocalPort(); // closed below: nothing listens there
    }
    try (CsmClient csm =
        CsmClient.builder()
            .baseUri(java.net.URI.create("http://127.0.0.1:" + port + "/"))
            .credentials(io.github.csmkit.client.Credentials.bearer("tok-refused-1234567890"))
            .clock(time)
            .sleeper(time)
            .retryPolicy(RetryPolicy.none())
            .build()) {
      // before: "ConnectException: null"
      assertThatThrownBy(() -> csm.customerAccounts().submit(BATCH))
          .isInstanceOf(TransportException.class)
          .hasMessageContaining("ConnectException: cannot connect to 127.0.0.1:" + port)
          .hasMessageNotContaining("null");
    }
  }

  @Test
  void a429PausesEveryRequestOfTheClient() throws Exception {
    // A sleeper whose waits the test releases by hand, so the order of events is exact.
    List<CompletableFuture<Void>> pending = new CopyOnWriteArrayList<>();
    List<Duration> asked = new CopyOnWriteArrayList<>();
    Sleeper manual =
        d -> {
          asked.add(d);
          CompletableFuture<Void> f = new CompletableFuture<>();
          pending.add(f);
          return f;
        };
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3").build());
    server.enqueue(submitted("a"));
    server.enqueue(submitted("b"));
    try (CsmClient csm = ClientTestSupport.client(server, time).sleeper(manual).build()) {
      CompletableFuture<SubmittedTask> a = csm.customerAccounts().submitAsync(BATCH);
      waitFor(() -> pending.size() == 1);
      CompletableFuture<SubmittedTask> b = csm.customerAccounts().submitAsync(BATCH);
      waitFor(() -> pending.size() == 2);
      // b did not reach the server: it waits for the same pause as a.
      assertThat(server.getRequestCount()).isEqualTo(1);
      assertThat(asked).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3));
      time.sleep(Duration.ofSeconds(3));
      pending.forEach(f -> f.complete(null));
      assertThat(List.of(a.get(5, TimeUnit.SECONDS).id(), b.get(5, TimeUnit.SECONDS).id()))
          .containsExactlyInAnyOrder("a", "b");
    }
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void a429WithoutRetryAfterDelaysOnlyItsOwnRequest() throws Exception {
    List<CompletableFuture<Void>> pending = new CopyOnWriteArrayList<>();
    Sleeper manual =
        d -> {
          CompletableFuture<Void> f = new CompletableFuture<>();
          pending.add(f);
          return f;
        };
    server.enqueue(new MockResponse.Builder().code(429).build());
    server.enqueue(submitted("b"));
    server.enqueue(submitted("a"));
    try (CsmClient csm = ClientTestSupport.client(server, time).sleeper(manual).build()) {
      CompletableFuture<SubmittedTask> a = csm.customerAccounts().submitAsync(BATCH);
      waitFor(() -> pending.size() == 1);
      // b is not held back by a's backoff: it reaches the server at once
      assertThat(csm.customerAccounts().submitAsync(BATCH).get(5, TimeUnit.SECONDS).id())
          .isEqualTo("b");
      assertThat(server.getRequestCount()).isEqualTo(2);
      pending.forEach(f -> f.complete(null));
      assertThat(a.get(5, TimeUnit.SECONDS).id()).isEqualTo("a");
    }
  }

  private static void waitFor(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("condition not met within 5 s");
      }
      Thread.sleep(5);
    }
  }

  @Test
  void noRetriesWithRetryPolicyNone() {
    server.enqueue(json(503, ""));
    try (CsmClient csm =
        ClientTestSupport.client(server, time).retryPolicy(RetryPolicy.none()).build()) {
      assertThatThrownBy(() -> csm.customerAccounts().submit(BATCH))
          .isInstanceOf(ServerErrorException.class);
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
