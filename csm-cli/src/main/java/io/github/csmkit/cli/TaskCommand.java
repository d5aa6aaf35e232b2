package io.github.csmkit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.csmkit.cli.report.Durations;
import io.github.csmkit.client.CsmClient;
import io.github.csmkit.client.PollPolicy;
import io.github.csmkit.client.model.TaskFailure;
import io.github.csmkit.client.model.TaskState;
import io.github.csmkit.client.model.TaskStatus;
import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code csmkit task get|wait ID}: a bulk task's status. */
@Command(
    name = "task",
    mixinStandardHelpOptions = true,
    description = "Shows a bulk task's status (get) or waits for its end (wait).",
    subcommands = {TaskCommand.Get.class, TaskCommand.Wait.class})
final class TaskCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "give a subcommand: get or wait");
  }

  abstract static class TaskBase extends BaseCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "The task id.")
    String taskId;

    @Mixin TargetOptions target = new TargetOptions();

    abstract TaskStatus fetch(CsmClient csm);

    /** Adjusts the client before it is built (the wait's timeout). */
    void configure(CsmClient.Builder b) {}

    @Override
    public Integer call() {
      if (taskId.isBlank()) {
        throw CliException.usage("the task id is empty");
      }
      try (CsmClient csm = target.client(env(), this::configure)) {
        TaskStatus status = fetch(csm);
        print(status, out(), json);
        return status.state() == TaskState.FAILED ? ExitCode.FAILURES : ExitCode.OK;
      }
    }
  }

  /** {@code csmkit task get ID}. */
  @Command(
      name = "get",
      sortOptions = false,
      mixinStandardHelpOptions = true,
      description = "Prints a task's status once. Exit code 1 when the task FAILED as a whole.",
      footerHeading = "%nExample:%n",
      footer = {
        "  CSM_CLOUD_ID=<cloud-id> CSM_TOKEN=<token> csmkit task get 7f0c...e1 --json",
        "  (try it on 'csmkit sandbox': csmkit task get ID --base-url <its baseUri>)"
      })
  static final class Get extends TaskBase {
    @Override
    TaskStatus fetch(CsmClient csm) {
      return csm.tasks().get(taskId);
    }
  }

  /** {@code csmkit task wait ID}. */
  @Command(
      name = "wait",
      sortOptions = false,
      mixinStandardHelpOptions = true,
      description =
          "Waits (polling with backoff) until the task ends, then prints it. Exit code 1 when it FAILED,"
              + " 4 when the wait gave up.",
      footerHeading = "%nExample:%n",
      footer = {
        "  CSM_CLOUD_ID=<cloud-id> CSM_TOKEN=<token> csmkit task wait 7f0c...e1 --timeout 5m"
      })
  static final class Wait extends TaskBase {
    @Option(
        names = "--timeout",
        paramLabel = "DURATION",
        defaultValue = "15m",
        converter = DurationConverter.class,
        description =
            "Give up (exit code 4) after this long: 90s, 5m, 1h (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    void configure(CsmClient.Builder b) {
      b.pollPolicy(PollPolicy.defaults().toBuilder().maxWait(timeout).build());
    }

    @Override
    TaskStatus fetch(CsmClient csm) {
      if (!quiet) {
        err()
            .println(
                "Waiting for task " + taskId + " (at most " + Durations.human(timeout) + ") ...");
        err().flush();
      }
      return csm.tasks().await(taskId);
    }
  }

  static void print(TaskStatus s, PrintWriter out, boolean json) {
    if (json) {
      ObjectMapper m = new ObjectMapper();
      ObjectNode n =
          m.createObjectNode()
              .put("taskId", s.id())
              .put("state", s.state().name())
              .put("status", s.rawStatus());
      s.type().ifPresent(t -> n.put("type", t));
      s.createdAt().ifPresent(t -> n.put("createdAt", t.toString()));
      s.updatedAt().ifPresent(t -> n.put("updatedAt", t.toString()));
      ArrayNode failures = n.putArray("failures");
      for (TaskFailure f : s.failures()) {
        ObjectNode o = failures.addObject();
        f.index().ifPresent(i -> o.put("index", i));
        f.entityId().ifPresent(x -> o.put("entityId", x));
        f.operation().ifPresent(x -> o.put("operation", x));
        o.put("message", f.message());
      }
      try {
        out.println(m.writerWithDefaultPrettyPrinter().writeValueAsString(n));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    } else {
      out.println(
          "Task "
              + s.id()
              + ": "
              + s.state()
              + (s.rawStatus().equals(s.state().name()) ? "" : " (" + s.rawStatus() + ")"));
      s.type().ifPresent(t -> out.println("  type: " + t));
      s.createdAt().ifPresent(t -> out.println("  created: " + t));
      s.updatedAt().ifPresent(t -> out.println("  updated: " + t));
      out.println("  failures: " + s.failures().size());
      for (TaskFailure f : s.failures()) {
        out.println(
            "    "
                + f.index().stream().mapToObj(i -> "#" + i + " ").findFirst().orElse("")
                + f.entityId().map(e -> e + ": ").orElse("")
                + f.message());
      }
    }
    out.flush();
  }
}
