package io.github.csmkit.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code csmkit completion bash|zsh}: a shell completion script, from picocli's AutoComplete. */
@Command(
    name = "completion",
    sortOptions = false,
    usageHelpAutoWidth = true,
    mixinStandardHelpOptions = true,
    description = {
      "Prints a completion script for bash or zsh: commands, options and enum values complete on"
          + " Tab. Load it from your shell's startup file.",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  source <(csmkit completion bash)     # in ~/.bashrc",
      "  source <(csmkit completion zsh)      # in ~/.zshrc"
    })
final class CompletionCommand extends BaseCommand {
  enum Shell {
    BASH,
    ZSH
  }

  @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh.")
  Shell shell;

  @Override
  public Integer call() {
    // one script for both: under zsh it loads bashcompinit itself
    String script = AutoComplete.bash("csmkit", spec.root().commandLine());
    if (json) {
      out()
          .println(
              io.github.csmkit.cli.report.ReportDocument.toJson(
                  com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                      .objectNode()
                      .put("shell", shell.name().toLowerCase(java.util.Locale.ROOT))
                      .put("script", script)));
    } else {
      out().print(script);
    }
    out().flush();
    return ExitCode.OK;
  }
}
