package io.github.csmkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code @ExtendWith} alone: one sandbox for the class, with the builder's defaults. */
@ExtendWith(CsmSandboxExtension.class)
class ExtensionExtendWithTest {
  @Test
  void defaults(CsmSandbox sandbox) {
    assertThat(sandbox.taskLimit).isEqualTo(5);
    assertThat(sandbox.token()).startsWith("sandbox-");
    assertThat(new Http(sandbox).get("/api/v1/customer/details").status).isEqualTo(200);
  }
}
