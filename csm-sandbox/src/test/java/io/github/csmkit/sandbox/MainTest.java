package io.github.csmkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {
  @Test
  void startsWithTheGivenOptionsAndPrintsWhereItListens() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String[] args = {"--port", "0", "--token", "t0k", "--runs-for-ms", "0", "--task-limit", "1"};
    try (CsmSandbox sandbox =
        CsmSandboxMain.start(args, new PrintStream(out, true, StandardCharsets.UTF_8))) {
      assertThat(out.toString(StandardCharsets.UTF_8))
          .isEqualTo(
              "baseUri="
                  + sandbox.baseUri()
                  + System.lineSeparator()
                  + "token=t0k"
                  + System.lineSeparator());
      Http http = new Http(sandbox);
      String body = Http.q("{'customers':[{'email':'a@example.com'}]}");
      assertThat(http.post("/api/v1/customer/bulk", body).status).isEqualTo(201);
      assertThat(sandbox.taskLimit).isEqualTo(1);
      assertThat(sandbox.runsFor).isZero();
    }
  }

  @Test
  void refusesBadArguments() {
    assertThatThrownBy(() -> CsmSandboxMain.parse(new String[] {"--port"}))
        .hasMessageContaining("missing value");
    assertThatThrownBy(() -> CsmSandboxMain.parse(new String[] {"--port", "x"}))
        .hasMessageContaining("needs a number");
    assertThatThrownBy(() -> CsmSandboxMain.parse(new String[] {"--verbose", "1"}))
        .hasMessageContaining("unknown option");
  }
}
