package io.github.csmkit.cli;

/** A failure with a one-line message for the user and the exit code it ends the command with. */
final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  CliException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  static CliException usage(String message) {
    return new CliException(ExitCode.USAGE, message);
  }

  static CliException config(String message) {
    return new CliException(ExitCode.CONFIG, message);
  }

  int exitCode() {
    return exitCode;
  }
}
