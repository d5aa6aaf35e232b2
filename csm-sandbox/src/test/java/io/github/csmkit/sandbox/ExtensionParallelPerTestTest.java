package io.github.csmkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Per-test sandboxes under JUnit's parallel execution (see junit-platform.properties): tests that
 * run at the same time each have their own, and none closes or counts in another's.
 */
@Execution(ExecutionMode.CONCURRENT)
class ExtensionParallelPerTestTest {
  static final int TESTS = 3;

  static final CyclicBarrier STARTED = new CyclicBarrier(TESTS);
  static final CyclicBarrier USED = new CyclicBarrier(TESTS);
  static final List<CsmSandbox> SEEN = new CopyOnWriteArrayList<>();

  // one extension for the class (a static field), as users register it: the case where a shared
  // field let parallel tests close each other's sandbox
  @RegisterExtension static final CsmSandboxExtension EXTENSION = CsmSandboxExtension.perTest();

  void run(CsmSandbox sandbox) throws Exception {
    SEEN.add(sandbox);
    together(STARTED);
    assertThat(EXTENSION.sandbox()).isSameAs(sandbox);
    assertThat(new Http(sandbox).get("/api/v1/customer/details").status).isEqualTo(200);
    // a test that finished must not have closed the others' sandboxes, nor counted in them
    together(USED);
    assertThat(new Http(sandbox).get("/api/v1/customer/details").status).isEqualTo(200);
    assertThat(sandbox.requestCount(Endpoint.CUSTOMER_DETAIL_FIELDS)).isEqualTo(2);
  }

  @Test
  void one(CsmSandbox sandbox) throws Exception {
    run(sandbox);
  }

  @Test
  void two(CsmSandbox sandbox) throws Exception {
    run(sandbox);
  }

  @Test
  void three(CsmSandbox sandbox) throws Exception {
    run(sandbox);
  }

  @AfterAll
  static void eachHadItsOwnNowClosed() {
    assertThat(SEEN).hasSize(TESTS).doesNotHaveDuplicates();
    for (CsmSandbox s : SEEN) {
      assertThatThrownBy(() -> new Http(s).get("/api/v1/customer/details"))
          .isInstanceOf(UncheckedIOException.class);
    }
  }

  /** Every test waits here until all of them run, so they truly overlap. */
  static void together(CyclicBarrier barrier) throws Exception {
    barrier.await(20, TimeUnit.SECONDS);
  }
}
