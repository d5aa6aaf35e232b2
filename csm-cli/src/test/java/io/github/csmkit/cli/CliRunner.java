package io.github.csmkit.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** Runs {@code csmkit} in-process with captured streams and an injected environment. */
final class CliRunner {
  record Result(int code, String out, String err) {
    String all() {
      return out + "\n" + err;
    }
  }

  static {
    Main.quietLogging(false);
  }

  private CliRunner() {}

  static Result run(Map<String, String> env, Path workingDirectory, String... args) {
    return run(env, workingDirectory, null, args);
  }

  /** With a prompt standing in for the person at the terminal; null: not interactive. */
  static Result run(Map<String, String> env, Path workingDirectory, Prompt prompt, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        CsmkitCommand.commandLine(
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                env,
                workingDirectory,
                false,
                prompt)
            .execute(args);
    return new Result(code, out.toString(), err.toString());
  }
}
