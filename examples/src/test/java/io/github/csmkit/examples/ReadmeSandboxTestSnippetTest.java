package io.github.csmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csmkit.client.Credentials;
import io.github.csmkit.client.CsmClient;
import io.github.csmkit.client.model.CustomerProfile;
import io.github.csmkit.client.model.CustomerProfileBatch;
import io.github.csmkit.client.model.CustomerProfileOperation;
import io.github.csmkit.sandbox.CsmSandbox;
import io.github.csmkit.sandbox.Endpoint;
import io.github.csmkit.sandbox.WithCsmSandbox;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's "Testing your integration" JUnit snippet, as written there. */
@WithCsmSandbox(runsForMillis = 10)
class ReadmeSandboxTestSnippetTest {
  @Test
  void importsMyCustomers(CsmSandbox sandbox) {
    sandbox.seed().organization("Acme Corporation");
    // "point your client at sandbox.baseUri(), run your code": here, one import
    try (CsmClient csm =
        CsmClient.builder()
            .baseUri(sandbox.baseUri())
            .credentials(Credentials.bearer(sandbox.token()))
            .build()) {
      csm.tasks()
          .await(
              csm.customerProfiles()
                  .submit(
                      CustomerProfileBatch.of(
                          List.of(
                              CustomerProfileOperation.create(
                                  CustomerProfile.builder().email("ada@example.com").build())))));
    }
    sandbox
        .requestLog()
        .verify(
            1,
            r -> r.endpoint() == Endpoint.CUSTOMER_PROFILES && r.header("Idempotency-Key") != null);
    assertThat(sandbox.requestLog().all().toString()).doesNotContain(sandbox.token());
    assertThat(sandbox.organizations()).hasSize(1);
  }
}
