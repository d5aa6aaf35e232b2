package io.github.csmkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExtensionPerClassTest {
  @RegisterExtension
  static final CsmSandboxExtension SANDBOX =
      CsmSandboxExtension.perClass(b -> b.token("class-token"));

  static CsmSandbox seenBeforeAll;

  @BeforeAll
  static void beforeAll(CsmSandbox sandbox) {
    seenBeforeAll = sandbox;
  }

  @Test
  @Order(1)
  void injectsTheSameRunningSandbox(CsmSandbox sandbox) {
    assertThat(sandbox).isSameAs(seenBeforeAll).isSameAs(SANDBOX.sandbox());
    assertThat(sandbox.token()).isEqualTo("class-token");
    assertThat(new Http(sandbox).get("/api/v1/customer/details").status).isEqualTo(200);
  }

  @Test
  @Order(2)
  void keepsItForTheNextTest(CsmSandbox sandbox) {
    assertThat(sandbox).isSameAs(seenBeforeAll);
    assertThat(sandbox.requestCount(Endpoint.CUSTOMER_DETAIL_FIELDS)).isEqualTo(1);
  }
}
