package io.github.csmkit.hubspot.migration;

import io.github.csmkit.client.Credentials;
import io.github.csmkit.client.CsmClient;
import io.github.csmkit.sandbox.CsmSandbox;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A sandbox and a client for a phase's test. */
abstract class SandboxTest {
  CsmSandbox sandbox;
  CsmClient csm;

  @BeforeEach
  void startSandbox() {
    sandbox = CsmSandbox.builder().runsFor(Duration.ofMillis(5)).start();
    csm =
        CsmClient.builder()
            .baseUri(sandbox.baseUri())
            .credentials(Credentials.bearer(sandbox.token()))
            .build();
  }

  @AfterEach
  void stopSandbox() {
    csm.close();
    sandbox.close();
  }

  /** The settings of a migration with this job id. */
  MigrationSettings settings(String jobId) {
    return HubSpotMigration.builder(csm).jobId(jobId).settings();
  }
}
