package io.github.csmkit.client.bulk;

import io.github.csmkit.client.Credentials;
import io.github.csmkit.client.CsmClient;
import io.github.csmkit.client.RetryPolicy;
import io.github.csmkit.client.model.CustomerProfile;
import io.github.csmkit.client.model.CustomerProfileOperation;
import io.github.csmkit.sandbox.CsmSandbox;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

/** What the sandbox tests share: a client tuned for fast retries, and generated contacts. */
final class SandboxImports {
  private SandboxImports() {}

  static CsmClient client(CsmSandbox sandbox) {
    return client(sandbox.baseUri(), sandbox.token());
  }

  static CsmClient client(URI base, String token) {
    return CsmClient.builder()
        .baseUri(base)
        .credentials(Credentials.bearer(token))
        .retryPolicy(
            RetryPolicy.builder()
                .maxAttempts(8)
                .initialBackoff(Duration.ofMillis(5))
                .maxBackoff(Duration.ofMillis(100))
                .build())
        .attemptTimeout(Duration.ofSeconds(5))
        .build();
  }

  static String email(int i) {
    return "customer" + i + "@example.com";
  }

  static List<String> emails(int n) {
    return IntStream.range(0, n).mapToObj(SandboxImports::email).toList();
  }

  static CustomerProfileOperation create(String email) {
    return CustomerProfileOperation.create(
        CustomerProfile.builder().email(email).displayName("Name of " + email).build());
  }
}
