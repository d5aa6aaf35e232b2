package io.github.csmkit.client;

import static io.github.csmkit.client.ClientTestSupport.TOKEN;
import static io.github.csmkit.client.ClientTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.csmkit.client.error.BadRequestException;
import io.github.csmkit.client.error.TransportException;
import io.github.csmkit.client.error.UnexpectedStatusException;
import io.github.csmkit.client.model.CustomerAccount;
import io.github.csmkit.client.model.CustomerAccountBatch;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** The token stays secret: not in toString, events, logs or exceptions; never sent elsewhere. */
class SecurityTest {
  @StartStop final MockWebServer server = new MockWebServer();
  @StartStop final MockWebServer other = new MockWebServer();
  private final FakeTime time = new FakeTime();

  private static final CustomerAccountBatch BATCH =
      CustomerAccountBatch.of(List.of(CustomerAccount.of("alice@example.com")));

  @Test
  void theTokenAppearsNowhere() {
    List<String> seen = new CopyOnWriteArrayList<>();
    CsmListener recorder =
        new CsmListener() {
          @Override
          public void requestSent(RequestSent e) {
            seen.add(e.toString());
          }

          @Override
          public void responseReceived(ResponseReceived e) {
            seen.add(e.toString());
          }

          @Override
          public void retryScheduled(RetryScheduled e) {
            seen.add(e.toString());
          }

          @Override
          public void taskStatusSeen(TaskStatusSeen e) {
            seen.add(e.toString());
          }
        };
    Logger jul = Logger.getLogger("io.github.csmkit.client");
    List<String> logged = new CopyOnWriteArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            logged.add(String.valueOf(r.getMessage()) + r.getThrown());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Level before = jul.getLevel();
    jul.setLevel(Level.ALL);
    jul.addHandler(capture);
    // The server echoes the Authorization header in its error bodies, as some proxies do.
    server.enqueue(
        new MockResponse.Builder().code(503).body("bad auth header: Bearer " + TOKEN).build());
    server.enqueue(
        new MockResponse.Builder()
            .onRequestBody(new SocketEffect.CloseSocket(true, false, false))
            .build());
    server.enqueue(json(400, "{\"message\":\"token " + TOKEN + " rejected\"}"));
    server.enqueue(json(200, "{\"id\":\"t\",\"status\":\"FINISHED\"}"));
    List<String> texts = new ArrayList<>();
    try (CsmClient csm = ClientTestSupport.client(server, time).listener(recorder).build()) {
      texts.add(csm.toString());
      assertThatThrownBy(() -> csm.customerAccounts().submit(BATCH))
          .isInstanceOfSatisfying(
              BadRequestException.class,
              e -> {
                texts.add(e.getMessage());
                texts.add(e.bodyExcerpt());
                texts.add(e.toString());
                assertThat(e.bodyExcerpt()).contains("[REDACTED]");
              });
      csm.tasks().await("t");
    } finally {
      jul.removeHandler(capture);
      jul.setLevel(before);
    }
    texts.add(Credentials.bearer(TOKEN).toString());
    texts.add(Credentials.basic("me@example.com", TOKEN).toString());
    texts.addAll(seen);
    texts.addAll(logged);
    assertThat(seen).isNotEmpty();
    assertThat(logged).isNotEmpty();
    assertThat(texts).allSatisfy(t -> assertThat(t).doesNotContain(TOKEN));
  }

  @Test
  void transportErrorsAreRedactedToo() {
    server.enqueue(
        new MockResponse.Builder()
            .onRequestBody(new SocketEffect.CloseSocket(true, false, false))
            .build());
    try (CsmClient csm =
        ClientTestSupport.client(server, time).retryPolicy(RetryPolicy.none()).build()) {
      assertThatThrownBy(() -> csm.customerAccounts().submit(BATCH))
          .isInstanceOf(TransportException.class)
          .hasMessageContaining("failed after 1 attempt")
          .satisfies(e -> assertThat(e.toString()).doesNotContain(TOKEN));
    }
  }

  @Test
  void plainHttpToANonLoopbackHostIsRefused() {
    assertThatThrownBy(
            () ->
                CsmClient.builder()
                    .baseUri(URI.create("http://csm.example.com"))
                    .credentials(Credentials.bearer(TOKEN))
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("refusing plain http to csm.example.com")
        .hasMessageNotContaining(TOKEN);
    try (CsmClient allowed =
        CsmClient.builder()
            .baseUri(URI.create("http://csm.example.com"))
            .credentials(Credentials.bearer(TOKEN))
            .allowInsecureHttp(true)
            .build()) {
      assertThat(allowed.baseUri()).hasToString("http://csm.example.com");
    }
    for (String loopback :
        new String[] {"http://localhost:8080", "http://127.0.0.1:1", "http://[::1]:2"}) {
      try (CsmClient ok =
          CsmClient.builder().baseUri(loopback).credentials(Credentials.bearer(TOKEN)).build()) {
        assertThat(ok.baseUri()).hasToString(loopback);
      }
    }
  }

  @Test
  void redirectsAreNotFollowedSoTheTokenNeverReachesAnotherHost() {
    server.enqueue(
        new MockResponse.Builder()
            .code(302)
            .addHeader("Location", other.url("/steal").toString())
            .build());
    try (CsmClient csm = ClientTestSupport.client(server, time).build()) {
      assertThatThrownBy(() -> csm.customerAccounts().submit(BATCH))
          .isInstanceOfSatisfying(
              UnexpectedStatusException.class, e -> assertThat(e.statusCode()).isEqualTo(302));
    }
    assertThat(other.getRequestCount()).isZero();
  }

  @Test
  void builderRefusesIncompleteOrWrongSettings() {
    assertThatThrownBy(() -> CsmClient.builder().credentials(Credentials.bearer("t")).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cloudId");
    assertThatThrownBy(() -> CsmClient.builder().cloudId("abc").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("credentials");
    assertThatThrownBy(() -> CsmClient.builder().cloudId("../evil"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Credentials.bearer(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                CsmClient.builder().baseUri("ftp://x").credentials(Credentials.bearer("t")).build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> CsmClient.builder().userAgentSuffix("bad\nheader"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CsmClient.builder().attemptTimeout(java.time.Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void credentialsCompareBySecretButPrintWithoutIt() {
    assertThat(Credentials.bearer("a"))
        .isEqualTo(Credentials.bearer("a"))
        .isNotEqualTo(Credentials.bearer("b"));
    assertThat(Credentials.bearer("a").hashCode()).isEqualTo(Credentials.bearer("a").hashCode());
    assertThat(Credentials.basic("e@x.com", "tok")).hasToString("Credentials[Basic, REDACTED]");
  }
}
