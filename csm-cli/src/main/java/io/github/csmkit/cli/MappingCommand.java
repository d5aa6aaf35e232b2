package io.github.csmkit.cli;

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
          "Writes the default mapping (the guide's field table) as YAML, to edit and pass to 'migrate --mapping'.")
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
        out().print(mapping.toYaml());
        out().flush();
        return ExitCode.OK;
      }
      Path path = root().workingDirectory().resolve(file);
      if (Files.exists(path) && !force) {
        throw CliException.usage(file + " exists; use --force to overwrite it");
      }
      mapping.write(path);
      if (!quiet) {
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
  }
}
