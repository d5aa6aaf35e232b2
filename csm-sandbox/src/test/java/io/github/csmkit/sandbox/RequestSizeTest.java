package io.github.csmkit.sandbox;

import static io.github.csmkit.sandbox.Http.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sandbox refuses a body over its request-size limit, as Atlassian's REST platform does. */
class RequestSizeTest {
  static final String PROFILES = "/api/v1/customer/profile/bulk";

  final CsmSandbox sandbox =
      CsmSandbox.builder().clock(new ManualClock()).maxRequestBytes(2048).start();
  final Http http = new Http(sandbox);

  @AfterEach
  void close() {
    sandbox.close();
  }

  private static String profile(int nameLength) {
    return q(
        "{'customerProfiles':[{'operationType':'CREATE','payload':{'email':'a@example.com',"
            + "'displayName':'"
            + "n".repeat(nameLength)
            + "'}}]}");
  }

  @Test
  void aBodyOverTheLimitIs413AndChangesNothing() {
    String over = profile(2048);
    var r = http.post(PROFILES, over);
    assertThat(r.status).isEqualTo(413);
    assertThat(r.message())
        .isEqualTo("Request too large. Requests for this resource can be at most 2048 bytes");
    assertThat(sandbox.tasks()).isEmpty();
    assertThat(sandbox.customers()).isEmpty();
    assertThat(sandbox.requestLog().all())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.status()).isEqualTo(413);
            });
  }

  @Test
  void aBodyOfExactlyTheLimitIsTaken() {
    String body = profile(0);
    String exact = profile(2048 - body.length());
    assertThat(exact.length()).isEqualTo(2048);
    assertThat(http.post(PROFILES, exact).status).isBetween(200, 299);
    assertThat(http.post(PROFILES, profile(2049 - body.length())).status).isEqualTo(413);
  }

  @Test
  void theLimitIsAtLeast1024() {
    assertThatThrownBy(() -> CsmSandbox.builder().maxRequestBytes(1023))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
