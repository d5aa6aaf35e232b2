package io.github.csmkit.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The {@code csmkit} executable, as {@code bin/csmkit} of the release archive runs it. */
public final class Main {
  // held: java.util.logging forgets the level of a logger nobody references
  private static final java.util.logging.Logger CSMKIT_LOGGER =
      java.util.logging.Logger.getLogger("io.github.csmkit");

  /**
   * How long Ctrl-C lets the tasks in flight end (those that do are reported imported or failed,
   * the others unresolved), within the {@link #SHUTDOWN_GRACE}: the rest of it writes the report.
   */
  static final java.time.Duration INTERRUPT_GRACE = java.time.Duration.ofSeconds(20);

  /** How long Ctrl-C lets the command finish before the process ends anyway, with exit code 4. */
  static final java.time.Duration SHUTDOWN_GRACE = java.time.Duration.ofSeconds(30);

  private Main() {}

  /** Runs {@code csmkit} and exits with its exit code (see docs/CLI.md). */
  public static void main(String[] args) {
    quietLogging(
        java.util.Arrays.asList(args).contains("-v")
            || java.util.Arrays.asList(args).contains("--verbose"));
    Charset cs = Charset.defaultCharset();
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, cs), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, cs), true);
    Thread worker = Thread.currentThread();
    CountDownLatch done = new CountDownLatch(1);
    // Ctrl-C: interrupt the command so that it stops, settles what is in flight and writes its
    // report, then end with 4 whatever the command returned: a run that was stopped did not end.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  if (done.getCount() == 0) {
                    return;
                  }
                  err.println();
                  err.println(
                      "csmkit: interrupted; waiting up to "
                          + INTERRUPT_GRACE.toSeconds()
                          + " s for the tasks in flight, then writing the report (at most "
                          + SHUTDOWN_GRACE.toSeconds()
                          + " s)");
                  worker.interrupt();
                  try {
                    done.await(SHUTDOWN_GRACE.toSeconds(), TimeUnit.SECONDS);
                  } catch (InterruptedException ignored) {
                    // halt below
                  }
                  out.flush();
                  err.flush();
                  Runtime.getRuntime().halt(ExitCode.STOPPED);
                },
                "csmkit-interrupt"));
    int code = run(args, out, err);
    done.countDown();
    System.exit(code);
  }

  /**
   * csmkit's libraries log through System.Logger (java.util.logging here); the command prints its
   * own progress, so their lines show only with --verbose: csmkit's own at DEBUG (each batch),
   * everything else at INFO.
   */
  static void quietLogging(boolean verbose) {
    java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
    java.util.logging.Level level =
        verbose ? java.util.logging.Level.INFO : java.util.logging.Level.SEVERE;
    root.setLevel(level);
    CSMKIT_LOGGER.setLevel(verbose ? java.util.logging.Level.FINE : null);
    for (java.util.logging.Handler h : root.getHandlers()) {
      h.setLevel(verbose ? java.util.logging.Level.FINE : level);
    }
  }

  static int run(String[] args, PrintWriter out, PrintWriter err) {
    return CsmkitCommand.commandLine(out, err, System.getenv(), Path.of(""), Terminal.stderr())
        .execute(args);
  }
}
