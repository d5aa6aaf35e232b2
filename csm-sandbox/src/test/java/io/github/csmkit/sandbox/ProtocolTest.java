package io.github.csmkit.sandbox;

import static io.github.csmkit.sandbox.Http.q;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProtocolTest {
  static final String ACCOUNTS = "/api/v1/customer/bulk";
  static final String ONE = q("{'customers':[{'email':'a@example.com','displayName':'A'}]}");

  final CsmSandbox sandbox = CsmSandbox.builder().clock(new ManualClock()).token("secret").start();
  final Http http = new Http(sandbox);

  @AfterEach
  void close() {
    sandbox.close();
  }

  @Test
  void baseUrisAndToken() {
    assertThat(sandbox.baseUri().toString()).isEqualTo("http://127.0.0.1:" + sandbox.port());
    assertThat(sandbox.port()).isPositive();
    assertThat(sandbox.cloudBaseUri("abc"))
        .isEqualTo(URI.create(sandbox.baseUri() + "/jsm/csm/cloudid/abc"));
    assertThat(sandbox.token()).isEqualTo("secret");
    try (CsmSandbox other = CsmSandbox.builder().start()) {
      assertThat(other.token()).isNotBlank().isNotEqualTo("secret");
    }
  }

  @Test
  void missingOrWrongCredentialsAre401() {
    var noAuth =
        Http.send(
            Http.json(HttpRequest.newBuilder(URI.create(sandbox.baseUri() + ACCOUNTS)), ONE)
                .header("X-ExperimentalApi", "opt-in")
                .header("Idempotency-Key", "k")
                .build());
    assertThat(noAuth.status).isEqualTo(401);
    assertThat(noAuth.message()).contains("Unauthorized");
    var wrong =
        Http.send(
            Http.json(http.request(ACCOUNTS), ONE)
                .setHeader("Authorization", "Bearer nope")
                .header("Idempotency-Key", "k")
                .build());
    assertThat(wrong.status).isEqualTo(401);
    assertThat(sandbox.tasks()).isEmpty();
  }

  @Test
  void basicCredentialsWithTheTokenAsPasswordAreAccepted() {
    String basic =
        Base64.getEncoder()
            .encodeToString("me@example.com:secret".getBytes(StandardCharsets.UTF_8));
    var r =
        Http.send(
            http.request("/api/v1/customer/details")
                .setHeader("Authorization", "Basic " + basic)
                .GET()
                .build());
    assertThat(r.status).isEqualTo(200);
  }

  @Test
  void missingExperimentalHeaderIs412UnlessNotRequired() {
    var r =
        Http.send(
            HttpRequest.newBuilder(URI.create(sandbox.baseUri() + "/api/v1/customer/details"))
                .header("Authorization", "Bearer secret")
                .GET()
                .build());
    assertThat(r.status).isEqualTo(412);
    assertThat(r.message()).contains("X-ExperimentalApi");
    try (CsmSandbox lax = CsmSandbox.builder().requireExperimentalHeader(false).start()) {
      var ok =
          Http.send(
              HttpRequest.newBuilder(URI.create(lax.baseUri() + "/api/v1/customer/details"))
                  .header("Authorization", "Bearer " + lax.token())
                  .GET()
                  .build());
      assertThat(ok.status).isEqualTo(200);
    }
  }

  @Test
  void bulkWithoutIdempotencyKeyIs400AndCreatesNothing() {
    var r = http.post(ACCOUNTS, ONE, null);
    assertThat(r.status).isEqualTo(400);
    assertThat(r.message()).contains("Idempotency-Key");
    assertThat(sandbox.tasks()).isEmpty();
  }

  @Test
  void fetchNeedsNoIdempotencyKey() {
    var r = http.post("/api/v1/organization/fetch", q("{'names':['x']}"), null);
    assertThat(r.status).isEqualTo(200);
    assertThat(r.json().get("results")).isEmpty();
  }

  @Test
  void postWithoutJsonContentTypeIs415ButCharsetIsFine() {
    var text =
        Http.send(
            http.request(ACCOUNTS)
                .header("Content-Type", "text/plain")
                .header("Idempotency-Key", "k1")
                .POST(HttpRequest.BodyPublishers.ofString(ONE))
                .build());
    assertThat(text.status).isEqualTo(415);
    var none =
        Http.send(
            http.request(ACCOUNTS)
                .header("Idempotency-Key", "k2")
                .POST(HttpRequest.BodyPublishers.ofString(ONE))
                .build());
    assertThat(none.status).isEqualTo(415);
    var charset =
        Http.send(
            http.request(ACCOUNTS)
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("Idempotency-Key", "k3")
                .POST(HttpRequest.BodyPublishers.ofString(ONE))
                .build());
    assertThat(charset.status).isEqualTo(201);
  }

  @Test
  void unknownPathsAndTasksAre404() {
    assertThat(http.get("/api/v1/nothing").status).isEqualTo(404);
    assertThat(http.get("/other").status).isEqualTo(404);
    assertThat(http.get("/api/v1/tasks/").status).isEqualTo(404);
    var task = http.get("/api/v1/tasks/no-such-task");
    assertThat(task.status).isEqualTo(404);
    assertThat(task.message()).contains("no-such-task");
    assertThat(http.get("/jsm/csm/cloudid//api/v1/customer/details").status).isEqualTo(404);
  }

  @Test
  void wrongMethodIs405() {
    var r = http.get(ACCOUNTS);
    assertThat(r.status).isEqualTo(405);
    assertThat(r.header("Allow")).isEqualTo("POST");
    var post = http.post("/api/v1/tasks/some-task", "{}");
    assertThat(post.status).isEqualTo(405);
    assertThat(post.header("Allow")).isEqualTo("GET");
    // POST /api/v1/customer/details is the single-field create (csm-api.md section 4): a bad body
    assertThat(http.post("/api/v1/customer/details", "{}").status).isEqualTo(400);
  }

  @Test
  void submitAnswersIdAndRelativeStatusUrlWithTheCloudPrefixWhenUsed() {
    var bare = http.post(ACCOUNTS, ONE);
    assertThat(bare.status).isEqualTo(201);
    String id = bare.json().get("id").asText();
    assertThat(id).matches("[0-9a-f-]{36}");
    assertThat(bare.json().get("statusUrl").asText()).isEqualTo("/api/v1/tasks/" + id);
    assertThat(bare.header("Content-Type")).isEqualTo("application/json");
    assertThat(bare.header("X-Request-Id")).startsWith("sandbox-");

    Http cloud = http.cloud("c-1");
    var prefixed = cloud.post(ACCOUNTS, ONE);
    String cid = prefixed.json().get("id").asText();
    assertThat(prefixed.json().get("statusUrl").asText())
        .isEqualTo("/jsm/csm/cloudid/c-1/api/v1/tasks/" + cid);
    assertThat(cloud.task(cid).get("id").asText()).isEqualTo(cid);
  }

  @Test
  void tenantsAreIsolated() {
    Http a = http.cloud("a");
    Http b = http.cloud("b");
    String task = a.submit(ACCOUNTS, ONE);
    assertThat(b.get("/api/v1/tasks/" + task).status).isEqualTo(404);
    assertThat(http.get("/api/v1/tasks/" + task).status).isEqualTo(404);
    assertThat(b.submit(ACCOUNTS, ONE)).isNotEqualTo(task);
    ((ManualClock) sandbox.clock()).advance(java.time.Duration.ofSeconds(1));
    assertThat(sandbox.customers()).extracting(CustomerSnapshot::tenant).containsExactly("a", "b");
    assertThat(sandbox.customers())
        .extracting(CustomerSnapshot::id)
        .containsExactly("qm:a:10001", "qm:b:10001");
    assertThat(sandbox.creationCount("A@example.com")).isEqualTo(2);
  }

  @Test
  void requestsAreCountedPerEndpoint() {
    http.post(ACCOUNTS, ONE);
    http.get(ACCOUNTS); // 405: not counted, it reached no route
    http.get("/api/v1/tasks/x");
    http.get("/api/v1/tasks/y");
    assertThat(sandbox.requestCount(Endpoint.CUSTOMER_ACCOUNTS)).isEqualTo(1);
    assertThat(sandbox.requestCount(Endpoint.TASK_GET)).isEqualTo(2);
    assertThat(sandbox.requestCount(Endpoint.ORGANIZATION_FETCH)).isZero();
    sandbox.reset();
    assertThat(sandbox.requestCount(Endpoint.TASK_GET)).isZero();
    assertThat(sandbox.tasks()).isEmpty();
  }
}
