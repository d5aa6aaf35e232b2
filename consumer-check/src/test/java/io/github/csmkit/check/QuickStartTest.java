package io.github.csmkit.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.csmkit.client.model.TaskState;
import io.github.csmkit.client.model.TaskStatus;
import io.github.csmkit.sandbox.CsmSandbox;
import org.junit.jupiter.api.Test;

class QuickStartTest {
  @Test
  void quickStartRunsAgainstTheSandbox() {
    try (CsmSandbox sandbox = CsmSandbox.builder().start()) {
      TaskStatus done = QuickStart.run(sandbox.baseUri(), sandbox.token());
      assertEquals(TaskState.FINISHED, done.state(), done.toString());
      assertEquals(0, done.failures().size(), done.toString());
      assertEquals(1, sandbox.customers().size());
    }
  }
}
