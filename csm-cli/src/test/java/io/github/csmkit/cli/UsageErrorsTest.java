package io.github.csmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csmkit.cli.CliRunner.Result;
import io.github.csmkit.sandbox.CsmSandbox;
import io.github.csmkit.sandbox.Endpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Usage errors exit 2 with a one-line reason, before anything reaches CSM (issue 16, items 5 and
 * 10): bad values that the libraries would refuse later with an IllegalArgumentException, and
 * output paths that cannot be written.
 */
class UsageErrorsTest {
  static final String TOKEN = MigrateCommandTest.TOKEN;

  @TempDir Path dir;

  Result migrate(String target, String... extra) throws Exception {
    Path contacts = dir.resolve("contacts.csv");
    Files.writeString(contacts, MigrateCommandTest.CONTACTS);
    List<String> args =
        new ArrayList<>(
            List.of("migrate", "--contacts", contacts.toString(), "--base-url", target));
    args.addAll(List.of(extra));
    return CliRunner.run(Map.of("CSM_TOKEN", TOKEN), dir, args.toArray(String[]::new));
  }

  static void assertUsage(Result r, String message) {
    assertThat(r.code()).as(r.all()).isEqualTo(2);
    assertThat(r.err()).contains(message).doesNotContain("unexpected error");
  }

  @Test
  void badValuesAreUsageErrorsBeforeCsmIsContacted() throws Exception {
    // nothing listens on port 9: contacting CSM first would end in "cannot reach CSM", exit 1
    String nowhere = "http://127.0.0.1:9";
    assertUsage(migrate(nowhere, "--max-in-flight", "101"), "--max-in-flight must be 1 to 100");
    assertUsage(migrate(nowhere, "--job-id", ""), "--job-id must be 1 to 80 characters");
    assertUsage(migrate(nowhere, "--job-id", "   "), "--job-id must be 1 to 80 characters");
    assertUsage(migrate(nowhere, "--job-id", "j".repeat(81)), "--job-id must be 1 to 80");
    assertUsage(
        CliRunner.run(Map.of("CSM_TOKEN", TOKEN), dir, "task", "get", "", "--base-url", nowhere),
        "the task id is empty");
    assertUsage(CliRunner.run(Map.of(), dir, "sandbox", "--port", "-1"), "--port must be 0");
    assertUsage(CliRunner.run(Map.of(), dir, "sandbox", "--port", "70000"), "--port must be 0");
    assertUsage(
        CliRunner.run(Map.of(), dir, "sandbox", "--task-limit", "0"), "--task-limit must be");
    assertUsage(
        CliRunner.run(Map.of(), dir, "sandbox", "--runs-for-ms", "-5"), "--runs-for-ms must not");
  }

  @Test
  void aNamedPipeInputSaysItIsNotAFile() throws Exception {
    Path fifo = dir.resolve("contacts.fifo");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertThat(mkfifo.waitFor()).isEqualTo(0);
    Result r =
        CliRunner.run(
            Map.of("CSM_TOKEN", TOKEN),
            dir,
            "migrate",
            "--contacts",
            fifo.toString(),
            "--base-url",
            "http://127.0.0.1:9");
    // before: "no such readable file", for a file that is there
    assertUsage(r, "is not a regular file (a pipe or device?)");
    assertThat(r.err()).doesNotContain("no such");
    assertUsage(
        CliRunner.run(
            Map.of("CSM_TOKEN", TOKEN),
            dir,
            "migrate",
            "--contacts",
            dir.resolve("missing.csv").toString(),
            "--base-url",
            "http://127.0.0.1:9"),
        "no such file");
  }

  @Test
  void thePlainHttpRefusalSaysWhatACliUserCanDo() throws Exception {
    Result r = migrate("http://csm.example.com:8080");
    assertUsage(r, "refusing plain http to csm.example.com");
    // before: "use https, or allowInsecureHttp(true)", a method the CLI user cannot call
    assertThat(r.err()).contains("https:// --base-url").contains("127.0.0.1");
    assertThat(r.err()).doesNotContain("allowInsecureHttp").doesNotContain(TOKEN);
  }

  @Test
  void anUnwritableOutputIsFoundBeforeAnythingIsWrittenToCsm() throws Exception {
    try (CsmSandbox sandbox =
        CsmSandbox.builder().runsFor(Duration.ofMillis(5)).token(TOKEN).start()) {
      String url = sandbox.baseUri().toString();
      Path folder = Files.createDirectories(dir.resolve("a-folder"));
      Path file = Files.writeString(dir.resolve("a-file"), "x");

      assertUsage(migrate(url, "--report", folder.toString()), "is a folder, not a file");
      assertUsage(migrate(url, "--dead-letters", folder.toString()), "is a folder, not a file");
      assertUsage(migrate(url, "--journal", file.toString()), "is a file, not a folder");
      assertUsage(migrate(url, "--runs-dir", file.toString()), "is a file, not a folder");
      assertUsage(
          migrate(url, "--report", file.resolve("report.json").toString()),
          "is a file, not a folder");

      for (Endpoint e : Endpoint.values()) {
        assertThat(sandbox.requestCount(e)).as(e.name()).isZero();
      }
    }
  }
}
