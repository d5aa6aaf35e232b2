package io.github.csmkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code @Nested} classes share the enclosing class's per-class sandbox; it is not restarted. */
class ExtensionNestedTest {
  @RegisterExtension
  static final CsmSandboxExtension SANDBOX = CsmSandboxExtension.perClass(b -> b.token("outer"));

  static final AtomicReference<CsmSandbox> OUTER = new AtomicReference<>();

  @BeforeAll
  static void remember(CsmSandbox sandbox) {
    OUTER.set(sandbox);
  }

  @Test
  void outerUsesIt(CsmSandbox sandbox) {
    assertThat(new Http(sandbox).get("/api/v1/customer/details").status).isEqualTo(200);
  }

  @Nested
  class Inner {
    @Test
    void seesTheSameRunningSandboxWithWhatTheOuterTestDid(CsmSandbox sandbox) {
      assertThat(sandbox).isSameAs(OUTER.get()).isSameAs(SANDBOX.sandbox());
      assertThat(sandbox.requestCount(Endpoint.CUSTOMER_DETAIL_FIELDS)).isPositive();
      assertThat(new Http(sandbox).get("/api/v1/customer/details").status).isEqualTo(200);
    }

    @Nested
    class Deeper {
      @Test
      void stillTheSame(CsmSandbox sandbox) {
        assertThat(sandbox).isSameAs(OUTER.get());
        assertThat(new Http(sandbox).get("/api/v1/organization/details").status).isEqualTo(200);
      }
    }
  }

  @AfterAll
  static void theNestedClassesDidNotCloseIt() {
    assertThat(new Http(OUTER.get()).get("/api/v1/customer/details").status).isEqualTo(200);
  }
}
