package io.github.csmkit.sandbox;

import static io.github.csmkit.sandbox.Http.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RequestLogTest {
  static final String TOKEN = "s3cr3t-t0ken-value";
  final CsmSandbox sandbox = CsmSandbox.builder().token(TOKEN).requestLogLimit(3).start();
  final Http http = new Http(sandbox);

  @AfterEach
  void close() {
    sandbox.close();
  }

  @Test
  void recordsMethodPathHeadersBodyAndAnswer() {
    String body = q("{'customers':[{'email':'ada@example.com'}]}");
    http.post("/jsm/csm/cloudid/c-1/api/v1/customer/bulk?x=1", body, "key-1");

    RecordedRequest r = sandbox.requestLog().all().get(0);
    assertThat(r.sequence()).isEqualTo(1);
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.path()).isEqualTo("/jsm/csm/cloudid/c-1/api/v1/customer/bulk?x=1");
    assertThat(r.tenant()).isEqualTo("c-1");
    assertThat(r.endpoint()).isEqualTo(Endpoint.CUSTOMER_ACCOUNTS);
    assertThat(r.status()).isEqualTo(201);
    assertThat(r.body()).isEqualTo(body);
    assertThat(r.bodySize()).isEqualTo(body.length());
    assertThat(r.header("idempotency-key")).isEqualTo("key-1");
    assertThat(r.header("CONTENT-TYPE")).isEqualTo("application/json");
    assertThat(r.header("X-ExperimentalApi")).isEqualTo("opt-in");
    assertThat(r.header("Authorization")).isEqualTo("Bearer <redacted>");
    assertThat(r.receivedAt()).isNotNull();
    sandbox.requestLog().verify(1, x -> x.endpoint() == Endpoint.CUSTOMER_ACCOUNTS);
  }

  @Test
  void theTokenAppearsNowhereInTheLog() {
    String basic =
        "Basic "
            + Base64.getEncoder().encodeToString(("me:" + TOKEN).getBytes(StandardCharsets.UTF_8));
    Http.send(
        http.request("/api/v1/customer/details").header("X-Echo", "my " + TOKEN).GET().build());
    Http.send(
        HttpRequest.newBuilder(URI.create(sandbox.baseUri() + "/api/v1/organization/details"))
            .header("Authorization", basic)
            .header("X-ExperimentalApi", "opt-in")
            .GET()
            .build());
    http.post("/api/v1/customer/bulk", q("{'customers':[{'email':'" + TOKEN + "@x.io'}]}"));

    assertThat(sandbox.requestLog().all()).hasSize(3);
    assertThat(sandbox.requestLog().all().toString())
        .doesNotContain(TOKEN)
        .doesNotContain(basic.substring(6))
        .contains("my <redacted>")
        .contains("Basic <redacted>");
    assertThat(sandbox.requestLog().all())
        .extracting(RecordedRequest::status)
        .containsExactly(200, 200, 201);
  }

  @Test
  void recordsRefusedAndUnknownRequestsAndDroppedConnections() {
    Http.send(
        HttpRequest.newBuilder(URI.create(sandbox.baseUri() + "/api/v1/customer/details"))
            .GET()
            .build());
    http.get("/api/v1/nothing-here");
    // a POST: the JDK's client would retry a GET whose connection was dropped
    sandbox.faults().on(Endpoint.CUSTOMER_ACCOUNTS).next(Fault.resetBeforeProcessing());
    assertThatThrownBy(() -> http.post("/api/v1/customer/bulk", "{}"))
        .isInstanceOf(RuntimeException.class);

    assertThat(sandbox.requestLog().all())
        .extracting(RecordedRequest::status, RecordedRequest::endpoint)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(401, Endpoint.CUSTOMER_DETAIL_FIELDS),
            org.assertj.core.groups.Tuple.tuple(404, null),
            org.assertj.core.groups.Tuple.tuple(0, Endpoint.CUSTOMER_ACCOUNTS));
    assertThat(sandbox.requestLog().all().get(0).header("Authorization")).isNull();
  }

  @Test
  void keepsTheLastRequestsUpToItsLimitAndFiltersByRoute() {
    for (int i = 0; i < 4; i++) {
      http.get(i % 2 == 0 ? "/api/v1/customer/details" : "/api/v1/organization/details");
    }
    assertThat(sandbox.requestLog().all())
        .extracting(RecordedRequest::sequence)
        .containsExactly(2L, 3L, 4L);
    assertThat(sandbox.requestLog().to(Endpoint.ORGANIZATION_DETAIL_FIELDS))
        .extracting(RecordedRequest::sequence)
        .containsExactly(2L, 4L);
    sandbox.reset();
    assertThat(sandbox.requestLog().all()).isEmpty();
  }

  @Test
  void verifyNamesWhatItSaw() {
    http.get("/api/v1/customer/details");
    sandbox.requestLog().verify(0, r -> r.endpoint() == Endpoint.CUSTOMER_PROFILES);
    assertThatThrownBy(
            () ->
                sandbox
                    .requestLog()
                    .verify(2, r -> r.endpoint() == Endpoint.CUSTOMER_DETAIL_FIELDS))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "expected 2 matching request(s), found 1 among the 1 recorded:\n"
                + "  GET /api/v1/customer/details -> 200");
  }

  @Test
  void aLimitOfZeroKeepsNothing() {
    try (CsmSandbox quiet = CsmSandbox.builder().requestLogLimit(0).start()) {
      new Http(quiet).get("/api/v1/customer/details");
      assertThat(quiet.requestLog().all()).isEmpty();
      assertThat(quiet.requestCount(Endpoint.CUSTOMER_DETAIL_FIELDS)).isEqualTo(1);
    }
    assertThatThrownBy(() -> CsmSandbox.builder().requestLogLimit(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
