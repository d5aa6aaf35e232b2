package io.github.csmkit.benchmarks;

import io.github.csmkit.client.Credentials;
import io.github.csmkit.client.CsmClient;
import io.github.csmkit.client.PollPolicy;
import io.github.csmkit.client.model.DetailFieldBatch;
import io.github.csmkit.client.model.TaskStatus;
import io.github.csmkit.hubspot.mapping.HubSpotMapping;
import java.net.URI;
import java.time.Duration;

/** What the harnesses share: a client with default settings, and the detail fields defined. */
final class Sandboxes {
  private Sandboxes() {}

  /** A client as a user would build it: every setting at its default. */
  static CsmClient client(URI base, String token) {
    return CsmClient.builder().baseUri(base).credentials(Credentials.bearer(token)).build();
  }

  /** Creates the detail fields the default mapping writes, so that every record can succeed. */
  static void defineFields(CsmClient csm, HubSpotMapping mapping) {
    TaskStatus status =
        csm.tasks()
            .await(
                csm.customerDetailFields()
                    .submit(DetailFieldBatch.of(mapping.customerFieldDefinitions())),
                PollPolicy.builder().initialDelay(Duration.ofMillis(10)).build());
    if (!status.failures().isEmpty()) {
      throw new IllegalStateException("defining the detail fields failed: " + status.failures());
    }
  }
}
