package io.github.csmkit.cli;

import picocli.CommandLine.Option;

/** {@code --progress auto|plain|none}, for the commands that show progress. */
final class ProgressOption {
  @Option(
      names = "--progress",
      paramLabel = "MODE",
      defaultValue = "auto",
      description =
          "auto (default: redrawn in place when stderr is a terminal, else plain lines), plain, or"
              + " none.")
  ProgressMode mode = ProgressMode.AUTO;
}
