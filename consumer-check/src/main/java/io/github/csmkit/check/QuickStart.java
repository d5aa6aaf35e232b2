package io.github.csmkit.check;

import io.github.csmkit.client.CsmClient;
import io.github.csmkit.client.Credentials;
import io.github.csmkit.client.model.CustomerProfile;
import io.github.csmkit.client.model.CustomerProfileBatch;
import io.github.csmkit.client.model.CustomerProfileOperation;
import io.github.csmkit.client.model.SubmittedTask;
import io.github.csmkit.client.model.TaskStatus;
import java.net.URI;

/** The quick start from the csm-client overview, pointed at any base URI. */
public final class QuickStart {
  private QuickStart() {}

  /** Creates one customer and waits for the bulk task to finish. */
  public static TaskStatus run(URI baseUri, String token) {
    try (CsmClient csm =
        CsmClient.builder().baseUri(baseUri).credentials(Credentials.bearer(token)).build()) {
      CustomerProfileBatch batch =
          CustomerProfileBatch.builder()
              .addOperations(
                  CustomerProfileOperation.create(
                      CustomerProfile.builder()
                          .email("ada@example.com")
                          .displayName("Ada Lovelace")
                          .build()))
              .build();
      SubmittedTask task = csm.customerProfiles().submit(batch);
      return csm.tasks().await(task);
    }
  }
}
