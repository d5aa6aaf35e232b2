package io.github.csmkit.client.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csmkit.sandbox.CsmSandbox;
import io.github.csmkit.sandbox.CustomerSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills an import in a child JVM (forcibly, like a power cut) at several points, resumes it from
 * its journal each time, and compares the sandbox with what a clean run makes: nothing missing,
 * nothing created twice.
 */
class CrashResumeTest {
  private static final int RECORDS = 1_500;

  @TempDir Path dir;

  @Test
  void killedFourTimesThenResumedTheResultEqualsACleanRun() throws Exception {
    try (CsmSandbox sandbox = CsmSandbox.builder().runsFor(Duration.ofMillis(150)).start()) {
      Path journal = dir.resolve("crash.journal");
      List<Integer> killedAtLines = new ArrayList<>();
      for (int killAt :
          new int[] {3, 10, 19, 31}) { // journal lines: header, then submitted/finished
        Process child = child(sandbox, journal);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (lines(journal) < killAt && child.isAlive() && System.nanoTime() < deadline) {
          Thread.sleep(2);
        }
        child.destroyForcibly().waitFor();
        killedAtLines.add(lines(journal));
      }
      Process last = child(sandbox, journal);
      assertThat(last.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String out = new String(last.getInputStream().readAllBytes());
      assertThat(last.exitValue()).as(out).isZero();

      assertThat(killedAtLines)
          .as("every kill landed mid-run")
          .allSatisfy(l -> assertThat(l).isLessThan(61));
      List<CustomerSnapshot> customers = sandbox.customers();
      assertThat(customers)
          .extracting(CustomerSnapshot::email)
          .containsExactlyInAnyOrderElementsOf(SandboxImports.emails(RECORDS));
      assertThat(customers)
          .allSatisfy(
              c -> {
                assertThat(sandbox.creationCount(c.email())).as(c.email()).isEqualTo(1);
                assertThat(c.displayName()).isEqualTo("Name of " + c.email());
              });
      assertThat(sandbox.tasks()).hasSize(RECORDS / 50);
    }
  }

  private static Process child(CsmSandbox sandbox, Path journal) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            ImportChild.class.getName(),
            sandbox.baseUri().toString(),
            sandbox.token(),
            journal.toString(),
            "crash-job",
            String.valueOf(RECORDS))
        .redirectErrorStream(true)
        .start();
  }

  private static int lines(Path journal) throws IOException {
    if (!Files.exists(journal)) {
      return 0;
    }
    return (int) Files.readAllLines(journal).stream().filter(l -> l.endsWith("}")).count();
  }
}
