package io.github.csmkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** A per-class sandbox under parallel execution: tests that run at the same time share it. */
@Execution(ExecutionMode.CONCURRENT)
class ExtensionParallelPerClassTest {
  static final int TESTS = 3;

  @RegisterExtension static final CsmSandboxExtension CLASS = CsmSandboxExtension.perClass();

  static final CyclicBarrier STARTED = new CyclicBarrier(TESTS);
  static final List<CsmSandbox> SEEN = new CopyOnWriteArrayList<>();

  void run(CsmSandbox sandbox) throws Exception {
    SEEN.add(sandbox);
    assertThat(new Http(sandbox).get("/api/v1/organization/details").status).isEqualTo(200);
    together(STARTED);
    assertThat(sandbox.requestCount(Endpoint.ORGANIZATION_DETAIL_FIELDS)).isEqualTo(TESTS);
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
  static void allSharedOne() {
    assertThat(SEEN).hasSize(TESTS);
    assertThat(SEEN.stream().distinct()).hasSize(1);
  }

  /** Every test waits here until all of them run, so they truly overlap. */
  static void together(CyclicBarrier barrier) throws Exception {
    barrier.await(20, TimeUnit.SECONDS);
  }
}
