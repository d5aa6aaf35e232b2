package io.github.csmkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.csmkit.cli.report.Durations;
import io.github.csmkit.cli.report.ReportDocument;
import io.github.csmkit.cli.report.RunFolder;
import io.github.csmkit.cli.report.RunSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code csmkit runs [DIR]}: the runs in a runs folder, newest first, with their outcome. */
@Command(
    name = "runs",
    sortOptions = false,
    usageHelpAutoWidth = true,
    mixinStandardHelpOptions = true,
    description = {
      "Lists the runs in a runs folder, newest first: when, which job, the outcome, the customers"
          + " imported and the failure rate. A run that never finished shows as 'unfinished'.",
      ""
    },
    footerHeading = "%nExample:%n",
    footer = {"  csmkit runs            # the runs in ./csmkit-runs"})
final class RunsCommand extends BaseCommand {
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR",
      defaultValue = "csmkit-runs",
      description = "The runs folder (default: ${DEFAULT-VALUE}).")
  Path runs;

  @Override
  public Integer call() {
    List<RunFolder.Run> found = RunFolder.list(root().workingDirectory().resolve(runs));
    if (json) {
      ArrayNode a = JsonNodeFactory.instance.arrayNode();
      for (RunFolder.Run r : found) {
        ObjectNode o = a.addObject();
        o.put("folder", r.dir().toString())
            .put("jobId", r.settings().path("jobId").asText())
            .put("target", r.settings().path("target").asText())
            .put("dryRun", r.settings().path("dryRun").asBoolean());
        r.report()
            .ifPresentOrElse(
                d -> {
                  o.put("status", d.at("/outcome/status").asText())
                      .put("exitCode", d.at("/outcome/exitCode").asInt())
                      .put("startedAt", d.path("startedAt").asText())
                      .put("finishedAt", d.path("finishedAt").asText())
                      .put("customersImported", d.at("/phases/customers/imported").asLong())
                      .put("customersRead", d.at("/phases/customers/read").asLong())
                      .put("failureRate", d.path("failureRate").asDouble());
                },
                () -> o.put("status", "unfinished"));
      }
      out().println(ReportDocument.toJson(a));
    } else if (found.isEmpty()) {
      out().println("No runs in " + runs + ".");
    } else {
      out()
          .printf(
              Locale.ROOT,
              "%-44s %-11s %-24s %13s %8s %9s%n",
              "RUN",
              "OUTCOME",
              "JOB",
              "CUSTOMERS",
              "FAILED",
              "TOOK");
      for (RunFolder.Run r : found) {
        out().printf(Locale.ROOT, "%-44s %s%n", r.dir().getFileName(), columns(r));
      }
    }
    out().flush();
    return ExitCode.OK;
  }

  private static String columns(RunFolder.Run r) {
    String job =
        r.settings().path("jobId").asText()
            + (r.settings().path("dryRun").asBoolean() ? " (dry)" : "");
    if (r.report().isEmpty()) {
      return String.format(Locale.ROOT, "%-11s %-24s", "unfinished", job);
    }
    JsonNode d = r.report().get();
    return String.format(
        Locale.ROOT,
        "%-11s %-24s %13s %7.1f%% %9s",
        d.at("/outcome/status").asText(),
        job,
        d.at("/phases/customers/imported").asLong() + "/" + d.at("/phases/customers/read").asLong(),
        d.path("failureRate").asDouble() * 100,
        Durations.human(RunSummary.elapsed(d)));
  }
}
