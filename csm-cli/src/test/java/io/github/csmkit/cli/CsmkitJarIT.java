package io.github.csmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar, as {@code ./csmkit} runs it: a real JVM, a real exit code. */
class CsmkitJarIT {
  static final Path JAR = Path.of("target/csmkit.jar").toAbsolutePath();

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  Run java(String... args) throws IOException, InterruptedException {
    List<String> cmd =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toString()));
    cmd.addAll(List.of(args));
    Process p =
        new ProcessBuilder(cmd)
            .directory(dir.toFile())
            .redirectOutput(dir.resolve("out.txt").toFile())
            .redirectError(dir.resolve("err.txt").toFile())
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("finished within 60 s").isTrue();
    return new Run(
        p.exitValue(),
        Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
  }

  @Test
  void demoRunsFromTheJar() throws Exception {
    Run r = java("demo");

    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(0);
    assertThat(r.out())
        .contains("customers: 500 read, 488 imported")
        .contains("Report: csmkit-demo/report.json");
    assertThat(dir.resolve("csmkit-demo/report.json")).isRegularFile();
    assertThat(dir.resolve("csmkit-demo/dead-letters.csv")).isRegularFile();
    // no java.util.logging lines without --verbose
    assertThat(r.err()).doesNotContain("INFO:").contains("Customers ...");
  }

  @Test
  void exitCodesReachTheShell() throws Exception {
    assertThat(java("--version").code()).isEqualTo(0);
    assertThat(java("migrate", "--bogus").code()).isEqualTo(2);
    Run noToken =
        java(
            "migrate",
            "--contacts",
            JAR.toString(),
            "--base-url",
            "http://127.0.0.1:9",
            "--token-env",
            "CSMKIT_TEST_UNSET_VARIABLE");
    assertThat(noToken.code()).isEqualTo(3);
  }
}
