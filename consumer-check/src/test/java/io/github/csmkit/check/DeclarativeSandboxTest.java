package io.github.csmkit.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.csmkit.client.model.TaskState;
import io.github.csmkit.client.model.TaskStatus;
import io.github.csmkit.sandbox.CsmSandbox;
import io.github.csmkit.sandbox.Endpoint;
import io.github.csmkit.sandbox.WithCsmSandbox;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's JUnit extension as a user writes it, run under parallel execution (see
 * junit-platform.properties) with JUnit 5 and, in the consumer check's second run, JUnit 6.
 */
@WithCsmSandbox(perTest = true, runsForMillis = 0)
class DeclarativeSandboxTest {
  static final CyclicBarrier TOGETHER = new CyclicBarrier(2);

  /** Both tests wait here, so they overlap; each imports into its own sandbox. */
  static void importAlone(CsmSandbox sandbox, String email) throws Exception {
    TOGETHER.await(20, TimeUnit.SECONDS);
    TaskStatus done = QuickStart.run(sandbox.baseUri(), sandbox.token());
    assertEquals(TaskState.FINISHED, done.state(), done.toString());
    TOGETHER.await(20, TimeUnit.SECONDS);
    assertEquals(1, sandbox.customers().size(), email);
    sandbox.requestLog().verify(1, r -> r.endpoint() == Endpoint.CUSTOMER_PROFILES);
  }

  @Test
  void one(CsmSandbox sandbox) throws Exception {
    importAlone(sandbox, "one");
  }

  @Test
  void two(CsmSandbox sandbox) throws Exception {
    importAlone(sandbox, "two");
  }

  @Nested
  @WithCsmSandbox
  class PerClass {
    static CsmSandbox first;

    @BeforeAll
    static void remember(CsmSandbox sandbox) {
      first = sandbox;
    }

    @Test
    void sharesTheClassSandbox(CsmSandbox sandbox) {
      assertSame(first, sandbox);
      sandbox.seed().organization("Acme");
      assertEquals(1, sandbox.organizations().size());
    }
  }
}
