package io.github.csmkit.sandbox;

import static io.github.csmkit.sandbox.Http.q;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IdempotencyTest {
  static final String PROFILES = "/api/v1/customer/profile/bulk";
  static final String BODY =
      q(
          "{'customerProfiles':[{'operationType':'CREATE','payload':{'email':'a@example.com','displayName':'A'}}]}");
  static final String SAME_REORDERED =
      q(
          "{'customerProfiles':[{'payload':{'displayName':'A','email':'a@example.com'},'operationType':'CREATE'}]}");

  final ManualClock clock = new ManualClock();
  final CsmSandbox sandbox = CsmSandbox.builder().clock(clock).start();
  final Http http = new Http(sandbox);

  @AfterEach
  void close() {
    sandbox.close();
  }

  @Test
  void sameKeyAndSameBodyGivesTheSameTaskAndCreatesNothingNew() {
    var first = http.post(PROFILES, BODY, "key-1");
    var again = http.post(PROFILES, SAME_REORDERED, "key-1");
    assertThat(first.status).isEqualTo(201);
    assertThat(again.status).isEqualTo(200);
    assertThat(again.json().get("id")).isEqualTo(first.json().get("id"));
    clock.advance(Duration.ofSeconds(1));
    var afterFinish = http.post(PROFILES, BODY, "key-1");
    assertThat(afterFinish.json().get("id")).isEqualTo(first.json().get("id"));
    assertThat(sandbox.tasks()).hasSize(1);
    assertThat(sandbox.creationCount("a@example.com")).isEqualTo(1);
    assertThat(sandbox.tasks().get(0).idempotencyKey()).isEqualTo("key-1");
  }

  @Test
  void sameKeyWithDifferentBodyIs409() {
    http.post(PROFILES, BODY, "key-1");
    var r = http.post(PROFILES, BODY.replace("a@example", "b@example"), "key-1");
    assertThat(r.status).isEqualTo(409);
    assertThat(r.message()).contains("key-1").contains("reused with a different request body");
    assertThat(sandbox.tasks()).hasSize(1);
  }

  @Test
  void sameKeyOnAnotherEndpointIs409() {
    http.post(PROFILES, BODY, "key-1");
    var r =
        http.post("/api/v1/customer/bulk", q("{'customers':[{'email':'a@example.com'}]}"), "key-1");
    assertThat(r.status).isEqualTo(409);
    assertThat(r.message()).contains("another endpoint").contains("different request body");
  }

  @Test
  void aRefusedRequestDoesNotTakeTheKey() {
    var bad = http.post(PROFILES, q("{'customerProfiles':[]}"), "key-1");
    assertThat(bad.status).isEqualTo(400);
    assertThat(http.post(PROFILES, BODY, "key-1").status).isEqualTo(201);
  }

  @Test
  void keysAreScopedPerTenant() {
    var a = http.cloud("a").post(PROFILES, BODY, "key-1");
    var b = http.cloud("b").post(PROFILES, BODY.replace("a@example", "b@example"), "key-1");
    assertThat(a.status).isEqualTo(201);
    assertThat(b.status).isEqualTo(201);
    assertThat(b.json().get("id")).isNotEqualTo(a.json().get("id"));
  }
}
