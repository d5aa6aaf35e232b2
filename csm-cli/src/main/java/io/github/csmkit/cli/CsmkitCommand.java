package io.github.csmkit.cli;

import io.github.csmkit.client.CsmClient;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code csmkit}: the top-level command; the work is in its subcommands. */
@Command(
    name = "csmkit",
    mixinStandardHelpOptions = true,
    versionProvider = CsmkitCommand.Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Bulk imports into Atlassian Customer Service Management (CSM), and HubSpot -> CSM migrations.",
      "Unofficial; not affiliated with Atlassian or HubSpot."
    },
    subcommands = {
      MigrateCommand.class,
      DemoCommand.class,
      TaskCommand.class,
      SandboxCommand.class,
      MappingCommand.class,
      ReportCommand.class,
      RunsCommand.class,
      CompletionCommand.class,
      VerifyCommand.class,
      SyncCommand.class,
      CommandLine.HelpCommand.class
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  csmkit demo                          # a whole migration on this machine, in seconds",
      "  csmkit migrate --help                # then a real one",
      "",
      "Environment: CSM_TOKEN (the token), CSM_CLOUD_ID or CSM_BASE_URL (the target; flags win).",
      "",
      "Exit codes:",
      "  0  success",
      "  1  failures above the threshold, verification failed, or an error while running",
      "  2  usage error (bad option or value, missing input file)",
      "  3  authentication or configuration error (401/403/412, missing token, bad mapping file)",
      "  4  stopped before the end (interrupted, unresolved tasks, wait timed out)"
    })
final class CsmkitCommand implements Runnable {
  private final Map<String, String> env;
  private final Path workingDirectory;
  private final boolean terminal;
  private final Prompt prompt;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  CsmkitCommand(Map<String, String> env, Path workingDirectory, boolean terminal, Prompt prompt) {
    this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
    this.workingDirectory = Objects.requireNonNull(workingDirectory, "workingDirectory");
    this.terminal = terminal;
    this.prompt = prompt;
  }

  /** Who to ask before writing to a real site; null when not interactive (never ask then). */
  Prompt prompt() {
    return prompt;
  }

  /** Whether stderr is a terminal: a redrawn progress line rather than periodic plain lines. */
  boolean terminal() {
    return terminal;
  }

  /**
   * The environment, injectable so that tests can set variables a real process gets from its
   * parent.
   */
  Map<String, String> env() {
    return env;
  }

  /** Where relative default paths (the demo's output) go. */
  Path workingDirectory() {
    return workingDirectory;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  /**
   * A {@link CommandLine} for these streams and this environment, with csmkit's exit codes: 2 for
   * usage errors, the codes of {@link ExitCode} for the rest.
   */
  static CommandLine commandLine(
      PrintWriter out,
      PrintWriter err,
      Map<String, String> env,
      Path workingDirectory,
      boolean terminal) {
    return commandLine(out, err, env, workingDirectory, terminal, null);
  }

  /** {@link #commandLine(PrintWriter, PrintWriter, Map, Path, boolean)} with a prompt, or null. */
  static CommandLine commandLine(
      PrintWriter out,
      PrintWriter err,
      Map<String, String> env,
      Path workingDirectory,
      boolean terminal,
      Prompt prompt) {
    CommandLine cl = new CommandLine(new CsmkitCommand(env, workingDirectory, terminal, prompt));
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExitCodeExceptionMapper(Errors::exitCode);
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) ->
            Errors.report(ex, commandLine.getErr(), BaseCommand.verbose(parseResult)));
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          PrintWriter e = ex.getCommandLine().getErr();
          e.println("csmkit: " + ex.getMessage());
          e.println(
              "Run '"
                  + ex.getCommandLine().getCommandSpec().qualifiedName()
                  + " --help' for the options.");
          e.flush();
          return ExitCode.USAGE;
        });
    return cl;
  }

  /** {@code csmkit --version}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
        "csmkit " + CsmClient.version(),
        "Java "
            + System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vendor")
            + ")"
      };
    }
  }
}
