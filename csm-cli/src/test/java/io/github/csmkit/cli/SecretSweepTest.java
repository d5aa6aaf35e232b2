package io.github.csmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csmkit.client.Credentials;
import io.github.csmkit.client.CsmClient;
import io.github.csmkit.client.error.CsmException;
import io.github.csmkit.sandbox.CsmSandbox;
import io.github.csmkit.sandbox.Endpoint;
import io.github.csmkit.sandbox.Fault;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One sweep for the token: every log record csmkit writes (at every level), every line of command
 * output, every exception message and stack trace, every {@code toString()}, and every file a
 * migration leaves (report, dead letters, journals) — through successes, retries, faults and
 * refused credentials, with bearer and basic authentication.
 */
class SecretSweepTest {
  private static final String TOKEN = "SWEEP-tok-7f3e9a1c2b4d6e8f0a1b";

  @TempDir Path dir;

  @Test
  void theTokenAppearsNowhere() throws Exception {
    StringBuilder seen = new StringBuilder();
    Handler capture =
        new Handler() {
          private final SimpleFormatter format = new SimpleFormatter();

          @Override
          public void publish(LogRecord record) {
            synchronized (seen) {
              seen.append(format.format(record)).append('\n');
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    capture.setLevel(Level.ALL);
    Logger root = Logger.getLogger("");
    Logger csmkit = Logger.getLogger("io.github.csmkit");
    Level before = csmkit.getLevel();
    root.addHandler(capture);
    csmkit.setLevel(Level.ALL);
    try (CsmSandbox sandbox =
        CsmSandbox.builder().token(TOKEN).runsFor(Duration.ofMillis(5)).start()) {
      Path contacts = demo("contacts.csv");
      Path companies = demo("companies.csv");
      sandbox
          .faults()
          .on(Endpoint.CUSTOMER_PROFILES)
          .random(
              3,
              0.3,
              Fault.rateLimitedNoHeader(),
              Fault.status(503),
              Fault.resetAfterProcessing(),
              Fault.malformedBody());
      sandbox
          .faults()
          .on(Endpoint.TASK_GET)
          .random(4, 0.2, Fault.status(500), Fault.malformedBody());
      List<String> common =
          List.of(
              "--contacts",
              contacts.toString(),
              "--companies",
              companies.toString(),
              "--base-url",
              sandbox.baseUri().toString(),
              "--verbose");

      CliRunner.Result ok =
          CliRunner.run(
              Map.of("CSM_TOKEN", TOKEN),
              dir,
              args(
                  common,
                  "migrate",
                  "--journal",
                  dir.resolve("journals").toString(),
                  "--report",
                  dir.resolve("report.json").toString(),
                  "--dead-letters",
                  dir.resolve("dead.csv").toString()));
      seen.append(ok.all());
      assertThat(ok.code()).as(ok.all()).isIn(0, 1);

      CliRunner.Result refused =
          CliRunner.run(
              Map.of("CSM_TOKEN", TOKEN + "-wrong"),
              dir,
              args(common, "migrate", "--job-id", "refused"));
      seen.append(refused.all());
      assertThat(refused.code()).isEqualTo(3);

      CliRunner.Result basic =
          CliRunner.run(
              Map.of("CSM_TOKEN", TOKEN),
              dir,
              args(common, "migrate", "--job-id", "basic", "--email", "ops@example.com"));
      seen.append(basic.all());

      CliRunner.Result task =
          CliRunner.run(
              Map.of("CSM_TOKEN", TOKEN),
              dir,
              "task",
              "get",
              "no-such-task",
              "--base-url",
              sandbox.baseUri().toString(),
              "--verbose");
      seen.append(task.all());
      assertThat(task.code()).isNotZero();

      for (Credentials credentials :
          List.of(Credentials.bearer(TOKEN), Credentials.basic("ops@example.com", TOKEN))) {
        try (CsmClient csm =
            CsmClient.builder().baseUri(sandbox.baseUri()).credentials(credentials).build()) {
          seen.append(credentials).append(csm);
          try {
            csm.tasks().get("missing");
          } catch (CsmException e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            seen.append(e.getMessage()).append(trace);
          }
        }
      }
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          seen.append(Files.readString(f, StandardCharsets.ISO_8859_1));
        }
      }
    } finally {
      root.removeHandler(capture);
      csmkit.setLevel(before);
    }

    String everything = seen.toString();
    assertThat(everything).contains("batch").contains("Unauthorized"); // the sweep saw real output
    assertThat(everything)
        .doesNotContain(TOKEN)
        .doesNotContain(
            Base64.getEncoder()
                .encodeToString(("ops@example.com:" + TOKEN).getBytes(StandardCharsets.UTF_8)))
        .doesNotContain(TOKEN.substring(5, 20));
  }

  private static String[] args(List<String> common, String... first) {
    return Stream.concat(Stream.of(first), common.stream()).toArray(String[]::new);
  }

  private Path demo(String name) throws IOException {
    try (InputStream in = SecretSweepTest.class.getResourceAsStream("/demo/" + name)) {
      Path file = dir.resolve(name);
      Files.copy(in, file);
      return file;
    }
  }
}
