package io.github.csmkit.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.csmkit.cli.report.ReportDocument;
import io.github.csmkit.sandbox.CsmSandbox;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code csmkit sandbox}: an in-memory CSM server on this machine, until Ctrl-C. */
@Command(
    name = "sandbox",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    description = {
      "Runs an in-memory CSM sandbox (the bulk and task APIs) until Ctrl-C, and prints its base URL "
          + "and token. Point 'csmkit migrate --base-url' or your own code at it. Nothing is persisted.",
      ""
    },
    footerHeading = "%nExample:%n",
    footer = {
      "  csmkit sandbox --port 8080 --token dev-token     # then, in another terminal:",
      "  CSM_TOKEN=dev-token csmkit migrate --base-url http://127.0.0.1:8080 --contacts contacts.csv"
    })
final class SandboxCommand extends BaseCommand {
  @Option(
      names = "--port",
      paramLabel = "N",
      defaultValue = "0",
      description = "Port (default: a free one).")
  int port;

  @Option(
      names = "--token",
      paramLabel = "T",
      description =
          "The token clients must send (default: a random one). A local throwaway, so an argument is fine.")
  String token;

  @Option(
      names = "--runs-for-ms",
      paramLabel = "MS",
      defaultValue = "50",
      description = "How long each task runs (default: ${DEFAULT-VALUE} ms).")
  long runsForMs;

  @Option(
      names = "--task-limit",
      paramLabel = "N",
      defaultValue = "5",
      description = "Unfinished tasks per tenant (default: ${DEFAULT-VALUE}).")
  int taskLimit;

  final CountDownLatch stop = new CountDownLatch(1);

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw CliException.usage("--port must be 0 (any free port) to 65535: " + port);
    }
    if (taskLimit < 1) {
      throw CliException.usage("--task-limit must be at least 1: " + taskLimit);
    }
    if (runsForMs < 0) {
      throw CliException.usage("--runs-for-ms must not be negative: " + runsForMs);
    }
    CsmSandbox.Builder b =
        CsmSandbox.builder().port(port).runsFor(Duration.ofMillis(runsForMs)).taskLimit(taskLimit);
    if (token != null) {
      b.token(token);
    }
    try (CsmSandbox sandbox = b.start()) {
      if (json) {
        out()
            .println(
                ReportDocument.toJson(
                    JsonNodeFactory.instance
                        .objectNode()
                        .put("baseUri", sandbox.baseUri().toString())
                        .put("token", sandbox.token())));
      } else {
        out().println("baseUri=" + sandbox.baseUri());
        out().println("token=" + sandbox.token());
      }
      out().flush();
      if (!quiet) {
        err()
            .println(
                "CSM sandbox running; try: CSM_TOKEN="
                    + sandbox.token()
                    + " ./csmkit migrate --base-url "
                    + sandbox.baseUri()
                    + " --contacts contacts.csv");
        err().println("Ctrl-C to stop.");
        err().flush();
      }
      try {
        stop.await();
      } catch (InterruptedException e) {
        // Ctrl-C: the shutdown hook interrupts us
        Thread.currentThread().interrupt();
      }
    }
    return ExitCode.OK;
  }
}
