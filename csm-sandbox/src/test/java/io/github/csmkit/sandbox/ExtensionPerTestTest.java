package io.github.csmkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ExtensionPerTestTest {
  @RegisterExtension final CsmSandboxExtension extension = CsmSandboxExtension.perTest();

  static final java.util.List<CsmSandbox> SEEN = new java.util.concurrent.CopyOnWriteArrayList<>();

  @Test
  void first(CsmSandbox sandbox) {
    SEEN.add(sandbox);
    assertThat(extension.sandbox()).isSameAs(sandbox);
  }

  @Test
  void second(CsmSandbox sandbox) {
    SEEN.add(sandbox);
    assertThat(new Http(sandbox).get("/api/v1/organization/details").status).isEqualTo(200);
  }

  @AfterAll
  static void eachTestHadItsOwnSandboxNowClosed() {
    assertThat(SEEN).hasSize(2);
    assertThat(SEEN.get(0)).isNotSameAs(SEEN.get(1));
    for (CsmSandbox s : SEEN) {
      assertThatThrownBy(() -> new Http(s).get("/api/v1/customer/details"))
          .isInstanceOf(UncheckedIOException.class);
    }
  }
}
