package io.github.csmkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The declarative form {@link WithCsmSandbox}, with constructor injection and nested classes. */
@WithCsmSandbox(token = "declared", taskLimit = 2, runsForMillis = 0)
class ExtensionDeclarativeTest {
  static final AtomicReference<CsmSandbox> CLASS = new AtomicReference<>();

  final CsmSandbox injected;

  ExtensionDeclarativeTest(CsmSandbox sandbox) {
    this.injected = sandbox;
  }

  @BeforeAll
  static void remember(CsmSandbox sandbox) {
    CLASS.set(sandbox);
  }

  @Test
  void theAnnotationConfiguresTheSandbox(CsmSandbox sandbox) {
    assertThat(sandbox).isSameAs(CLASS.get()).isSameAs(injected);
    assertThat(sandbox.token()).isEqualTo("declared");
    assertThat(sandbox.taskLimit).isEqualTo(2);
    assertThat(sandbox.runsFor).isZero();
    assertThat(new Http(sandbox).get("/api/v1/customer/details").status).isEqualTo(200);
  }

  @Nested
  class SharesTheClassSandbox {
    @Test
    void same(CsmSandbox sandbox) {
      assertThat(sandbox).isSameAs(CLASS.get());
      assertThat(sandbox.token()).isEqualTo("declared");
    }
  }

  @Nested
  @WithCsmSandbox(perTest = true, token = "nested")
  class OwnAnnotationOwnSandboxes {
    static final List<CsmSandbox> SEEN = new CopyOnWriteArrayList<>();

    @Test
    void first(CsmSandbox sandbox) {
      SEEN.add(sandbox);
      assertThat(sandbox).isNotSameAs(CLASS.get());
      assertThat(sandbox.token()).isEqualTo("nested");
    }

    @Test
    void second(CsmSandbox sandbox) {
      SEEN.add(sandbox);
      assertThat(sandbox.token()).isEqualTo("nested");
    }

    @AfterAll
    static void freshForEachTestAndClosed() {
      assertThat(SEEN).hasSize(2).doesNotHaveDuplicates();
      for (CsmSandbox s : SEEN) {
        assertThatThrownBy(() -> new Http(s).get("/api/v1/customer/details"))
            .isInstanceOf(UncheckedIOException.class);
      }
      // the enclosing class's sandbox still runs
      assertThat(new Http(CLASS.get()).get("/api/v1/customer/details").status).isEqualTo(200);
    }
  }
}
