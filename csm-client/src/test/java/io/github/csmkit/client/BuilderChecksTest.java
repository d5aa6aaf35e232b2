package io.github.csmkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * CsmClient.Builder, RetryPolicy and PollPolicy refuse what they cannot use, with a clear message.
 */
class BuilderChecksTest {
  private static CsmClient.Builder base(String uri) {
    return CsmClient.builder().baseUri(uri).credentials(Credentials.bearer("t"));
  }

  @Test
  void theCloudIdIsLettersDigitsAndDashesUpToAHundred() {
    try (CsmClient ok =
        CsmClient.builder().cloudId("a".repeat(100)).credentials(Credentials.bearer("t")).build()) {
      assertThat(ok.baseUri())
          .hasToString("https://api.atlassian.com/jsm/csm/cloudid/" + "a".repeat(100));
    }
    for (String bad :
        new String[] {"", "a".repeat(101), "abc/def", "abc def", "abc?x=1", "ab\u00e9", "a.b"}) {
      assertThatThrownBy(() -> CsmClient.builder().cloudId(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("a cloud id has letters, digits and dashes only, was '" + bad + "'");
    }
    assertThatThrownBy(() -> CsmClient.builder().cloudId(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a cloud id has letters, digits and dashes only, was 'null'");
  }

  @Test
  void theBaseUriIsAbsoluteWithAHostAndLosesTrailingSlashes() {
    assertThatThrownBy(() -> CsmClient.builder().baseUri("/api/v1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the base URI must be absolute with a host, was /api/v1");
    assertThatThrownBy(() -> CsmClient.builder().baseUri("mailto:me@example.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the base URI must be absolute with a host, was mailto:me@example.com");
    assertThatThrownBy(() -> base("ftp://files.example.com").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the base URI must be http or https, was ftp://files.example.com");
    try (CsmClient c = base("https://proxy.example.com/jsm/csm///").build()) {
      assertThat(c.baseUri()).hasToString("https://proxy.example.com/jsm/csm");
    }
  }

  @Test
  void plainHttpIsForLoopbackOnlyAndNoNameIsResolved() {
    for (String refused :
        new String[] {
          "http://10.0.0.1",
          "http://127.0.0.1.nip.io",
          "http://localhost.example.com",
          "http://[2001:db8::1]"
        }) {
      assertThatThrownBy(() -> base(refused).build())
          .as(refused)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("refusing plain http to ")
          .hasMessageEndingWith(
              ": the token would travel unencrypted; use https, or allowInsecureHttp(true)");
    }
    for (String loopback :
        new String[] {"http://LOCALHOST:8080", "http://127.1.2.3", "http://[0:0:0:0:0:0:0:1]"}) {
      try (CsmClient c = base(loopback).build()) {
        assertThat(c.baseUri()).hasToString(loopback);
      }
    }
  }

  @Test
  void timeoutsArePositiveAndTheResponseLimitAtLeastOneKibibyte() {
    assertThatThrownBy(() -> CsmClient.builder().connectTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("connectTimeout must be positive, was PT0S");
    assertThatThrownBy(() -> CsmClient.builder().attemptTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("attemptTimeout must be positive, was PT-1S");
    assertThatThrownBy(() -> CsmClient.builder().callTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("callTimeout must be positive, was PT0S");
    assertThatThrownBy(() -> CsmClient.builder().callTimeout(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("callTimeout");
    assertThatThrownBy(() -> CsmClient.builder().maxResponseBytes(1023))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxResponseBytes must be at least 1024");
    assertThatThrownBy(() -> CsmClient.builder().userAgentSuffix("caf\u00e9/1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the user-agent suffix must be printable ASCII");
    assertThatThrownBy(() -> CsmClient.builder().userAgentSuffix("del\u007f"))
        .isInstanceOf(IllegalArgumentException.class);
    for (Runnable r :
        new Runnable[] {
          () -> CsmClient.builder().httpClient(null),
          () -> CsmClient.builder().executor(null),
          () -> CsmClient.builder().retryPolicy(null),
          () -> CsmClient.builder().pollPolicy(null),
          () -> CsmClient.builder().clock(null),
          () -> CsmClient.builder().sleeper(null),
          () -> CsmClient.builder().listener(null),
          () -> CsmClient.builder().credentials(null),
          () -> CsmClient.builder().baseUri((java.net.URI) null)
        }) {
      assertThatThrownBy(r::run).isInstanceOf(NullPointerException.class);
    }
  }

  @Test
  void everyOptionalSettingBuilds() {
    var pool = Executors.newSingleThreadExecutor();
    try (CsmClient c =
        base("https://csm.example.com")
            .httpClient(HttpClient.newHttpClient())
            .executor(pool)
            .connectTimeout(Duration.ofSeconds(1))
            .maxResponseBytes(1024)
            .userAgentSuffix(null)
            .build()) {
      assertThat(c.baseUri()).hasToString("https://csm.example.com");
      assertThat(c.toString())
          .startsWith("CsmClient[https://csm.example.com, ")
          .doesNotContain("Bearer t");
    } finally {
      pool.shutdownNow();
    }
    assertThat(CsmClient.version()).isNotBlank();
  }

  @Test
  void retryPolicyChecksAndComputesItsBackoff() {
    RetryPolicy p =
        RetryPolicy.builder()
            .maxAttempts(4)
            .initialBackoff(Duration.ofMillis(100))
            .maxBackoff(Duration.ofMillis(500))
            .multiplier(3)
            .jitter(0.5)
            .maxRetryAfter(Duration.ofSeconds(9))
            .build();
    assertThat(p.backoff(1, 0)).isEqualTo(Duration.ofMillis(100));
    assertThat(p.backoff(2, 0)).isEqualTo(Duration.ofMillis(300));
    assertThat(p.backoff(3, 0)).isEqualTo(Duration.ofMillis(500));
    assertThat(p.backoff(3, 1)).isEqualTo(Duration.ofMillis(250));
    assertThat(p.backoff(0, 0)).isEqualTo(Duration.ofMillis(100));
    assertThat(p)
        .hasToString(
            "RetryPolicy[maxAttempts=4, initialBackoff=PT0.1S, maxBackoff=PT0.5S, multiplier=3.0, "
                + "jitter=0.5, maxRetryAfter=PT9S]");
    RetryPolicy copy = p.toBuilder().build();
    assertThat(copy).hasToString(p.toString());
    assertThat(
            List.of(
                copy.maxAttempts(),
                copy.initialBackoff(),
                copy.maxBackoff(),
                copy.multiplier(),
                copy.jitter(),
                copy.maxRetryAfter()))
        .containsExactly(
            4, Duration.ofMillis(100), Duration.ofMillis(500), 3.0, 0.5, Duration.ofSeconds(9));
    assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
    assertThat(RetryPolicy.defaults())
        .hasToString(
            "RetryPolicy[maxAttempts=6, initialBackoff=PT0.5S, "
                + "maxBackoff=PT30S, multiplier=2.0, jitter=0.2, maxRetryAfter=PT1M]");

    assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxAttempts must be at least 1, was 0");
    assertThatThrownBy(() -> RetryPolicy.builder().multiplier(0.99))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("multiplier must be at least 1, was 0.99");
    assertThatThrownBy(() -> RetryPolicy.builder().multiplier(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.builder().jitter(1.01))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("jitter must be within [0, 1], was 1.01");
    assertThatThrownBy(() -> RetryPolicy.builder().jitter(-0.1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("initialBackoff must not be negative, was PT-0.001S");
    assertThatThrownBy(() -> RetryPolicy.builder().maxRetryAfter(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("maxRetryAfter");
    assertThat(RetryPolicy.builder().maxBackoff(Duration.ZERO).build().backoff(5, 0))
        .isEqualTo(Duration.ZERO);
  }

  @Test
  void pollPolicyChecksAndComputesItsDelays() {
    PollPolicy p =
        PollPolicy.builder()
            .initialDelay(Duration.ofMillis(200))
            .multiplier(2)
            .maxDelay(Duration.ofMillis(700))
            .jitter(0.5)
            .maxWait(Duration.ofMinutes(2))
            .build();
    assertThat(p.delay(0, 0)).isEqualTo(Duration.ofMillis(200));
    assertThat(p.delay(1, 0)).isEqualTo(Duration.ofMillis(400));
    assertThat(p.delay(2, 0)).isEqualTo(Duration.ofMillis(700));
    assertThat(p.delay(2, 1)).isEqualTo(Duration.ofMillis(350));
    assertThat(p)
        .hasToString(
            "PollPolicy[initialDelay=PT0.2S, multiplier=2.0, maxDelay=PT0.7S, jitter=0.5, maxWait=PT2M]");
    PollPolicy copy = p.toBuilder().build();
    assertThat(
            List.of(
                copy.initialDelay(),
                copy.multiplier(),
                copy.maxDelay(),
                copy.jitter(),
                copy.maxWait()))
        .containsExactly(
            Duration.ofMillis(200), 2.0, Duration.ofMillis(700), 0.5, Duration.ofMinutes(2));
    assertThat(PollPolicy.defaults())
        .hasToString(
            "PollPolicy[initialDelay=PT1S, multiplier=1.5, maxDelay=PT10S, jitter=0.1, maxWait=PT15M]");

    assertThatThrownBy(() -> PollPolicy.builder().multiplier(0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("multiplier must be at least 1, was 0.5");
    assertThatThrownBy(() -> PollPolicy.builder().jitter(2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("jitter must be within [0, 1], was 2.0");
    assertThatThrownBy(() -> PollPolicy.builder().maxDelay(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxDelay must not be negative, was PT-1S");
    assertThatThrownBy(() -> PollPolicy.builder().maxWait(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxWait must not be negative, was PT-1S");
    assertThatThrownBy(() -> PollPolicy.builder().initialDelay(null))
        .isInstanceOf(NullPointerException.class);
  }
}
