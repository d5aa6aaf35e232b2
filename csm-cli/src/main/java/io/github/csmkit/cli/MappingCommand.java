package io.github.csmkit.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.github.csmkit.cli.report.ReportDocument;
import io.github.csmkit.hubspot.mapping.HubSpotMapping;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code csmkit mapping init [FILE]}: the default mapping, to edit. */
@Command(
    name = "mapping",
    mixinStandardHelpOptions = true,
    description = "HubSpot -> CSM mapping files.",
    footerHeading = "%nExample:%n",
    footer = {"  csmkit mapping init mapping.yaml"},
    subcommands = {MappingCommand.Init.class})
final class MappingCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "give a subcommand: init");
  }

  /** {@code csmkit mapping init [FILE]}. */
  @Command(
      name = "init",
      mixinStandardHelpOptions = true,
      description =
          "Writes the default mapping (the guide's field table) as YAML, to edit and pass to 'migrate --mapping'.",
      footerHeading = "%nExamples:%n",
      footer = {
        "  csmkit mapping init mapping.yaml     # then: csmkit migrate --mapping mapping.yaml ...",
        "  csmkit mapping init - --json         # the same mapping as JSON on stdout"
      })
  static final class Init extends BaseCommand {
    @Parameters(
        index = "0",
        arity = "0..1",
        paramLabel = "FILE",
        defaultValue = "csmkit-mapping.yaml",
        description = "Where to write it (default: ${DEFAULT-VALUE}; '-' for stdout).")
    String file;

    @Option(names = "--force", description = "Overwrite FILE if it exists.")
    boolean force;

    @Override
    public Integer call() {
      HubSpotMapping mapping = HubSpotMapping.defaults();
      if (file.equals("-")) {
        out().print(json ? asJson(mapping) + "\n" : mapping.toYaml());
        out().flush();
        return ExitCode.OK;
      }
      Path path = root().workingDirectory().resolve(file);
      if (Files.exists(path) && !force) {
        throw CliException.usage(file + " exists; use --force to overwrite it");
      }
      mapping.write(path);
      if (json) {
        out()
            .println(
                ReportDocument.toJson(
                    JsonNodeFactory.instance
                        .objectNode()
                        .put("file", path.toString())
                        .put("format", "yaml")));
        out().flush();
      } else if (!quiet) {
        err()
            .println(
                "Wrote the default mapping to "
                    + file
                    + "; edit it and run: csmkit migrate --mapping "
                    + file
                    + " ...");
        err().flush();
      }
      return ExitCode.OK;
    }

    /** The mapping as JSON, which 'migrate --mapping FILE.json' reads too. */
    static String asJson(HubSpotMapping mapping) {
      try {
        return ReportDocument.toJson(new YAMLMapper().readTree(mapping.toYaml()));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}
