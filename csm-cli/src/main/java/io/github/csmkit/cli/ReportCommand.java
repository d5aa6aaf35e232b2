package io.github.csmkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.csmkit.cli.report.ReportDocument;
import io.github.csmkit.cli.report.RunFolder;
import io.github.csmkit.cli.report.RunSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code csmkit report RUN-FOLDER}: the summary of a past run, again. */
@Command(
    name = "report",
    sortOptions = false,
    usageHelpAutoWidth = true,
    mixinStandardHelpOptions = true,
    description = {
      "Prints the summary of a past run from its folder (or its report.json), as the run printed"
          + " it; --json prints the whole report document.",
      ""
    },
    footerHeading = "%nExample:%n",
    footer = {"  csmkit demo --quiet && csmkit report csmkit-demo"})
final class ReportCommand extends BaseCommand {
  @Parameters(
      index = "0",
      paramLabel = "RUN-FOLDER",
      description = "A run folder (csmkit-runs/<timestamp>-<job-id>) or a report.json file.")
  Path folder;

  @Override
  public Integer call() {
    Path given = root().workingDirectory().resolve(folder);
    Path file = Files.isDirectory(given) ? given.resolve(RunFolder.REPORT) : given;
    if (!Files.isRegularFile(file)) {
      if (Files.isRegularFile(given.resolve(RunFolder.RUN))) {
        throw new CliException(
            ExitCode.STOPPED,
            folder
                + ": this run never finished (run.json but no report.json); run it again to"
                + " resume");
      }
      throw CliException.usage(folder + ": no report.json there (not a run folder)");
    }
    JsonNode doc = ReportDocument.read(file);
    if (json) {
      out().println(ReportDocument.toJson(doc));
    } else {
      out().print(RunSummary.text(doc));
      out()
          .println(
              "Outcome: "
                  + doc.at("/outcome/status").asText("unknown")
                  + " (exit code "
                  + doc.at("/outcome/exitCode").asInt()
                  + ")"
                  + (doc.at("/outcome/reason").isTextual()
                      ? ": " + doc.at("/outcome/reason").asText()
                      : ""));
      doc.path("files")
          .fields()
          .forEachRemaining(
              e -> {
                if (!e.getKey().equals("runFolder")) {
                  out().println("  " + e.getKey() + ": " + e.getValue().asText());
                }
              });
      out().println("Run folder: " + doc.at("/files/runFolder").asText(folder.toString()));
    }
    out().flush();
    return ExitCode.OK;
  }
}
