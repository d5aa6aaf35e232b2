package io.github.csmkit.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** What every subcommand shares: output options, the streams, and the injected environment. */
abstract class BaseCommand implements Callable<Integer> {
  @CommandLine.Spec CommandSpec spec;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress on stderr; only errors.")
  boolean quiet;

  @Option(names = "--json", description = "Print the result as JSON on stdout.")
  boolean json;

  @Option(
      names = {"-v", "--verbose"},
      description = "Stack traces for errors.")
  boolean verbose;

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  CsmkitCommand root() {
    return (CsmkitCommand) spec.root().userObject();
  }

  Map<String, String> env() {
    return root().env();
  }

  /** Whether the command that failed asked for stack traces. */
  static boolean verbose(CommandLine.ParseResult parseResult) {
    CommandLine.ParseResult p = parseResult;
    while (p.hasSubcommand()) {
      p = p.subcommand();
    }
    Object user = p.commandSpec().userObject();
    return user instanceof BaseCommand b && b.verbose;
  }
}
