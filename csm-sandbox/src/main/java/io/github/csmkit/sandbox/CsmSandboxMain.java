package io.github.csmkit.sandbox;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a sandbox until the process is killed, so that scripts in any language can use it.
 *
 * <pre>
 * java -jar csm-sandbox-&lt;version&gt;-standalone.jar [--port N] [--token T] [--runs-for-ms N] [--task-limit N]
 * </pre>
 *
 * <p>Prints {@code baseUri=<uri>} and {@code token=<token>} on standard output, one a line.
 */
public final class CsmSandboxMain {
  private CsmSandboxMain() {}

  /**
   * Starts the sandbox and waits forever.
   *
   * @param args {@code --port N}, {@code --token T}, {@code --runs-for-ms N}, {@code --task-limit
   *     N}
   * @throws InterruptedException if the main thread is interrupted
   */
  public static void main(String[] args) throws InterruptedException {
    CsmSandbox sandbox;
    try {
      sandbox = start(args, System.out);
    } catch (IllegalArgumentException e) {
      System.err.println("csm-sandbox: " + e.getMessage());
      System.err.println(
          "usage: csm-sandbox [--port N] [--token T] [--runs-for-ms N] [--task-limit N]");
      System.exit(2);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "csm-sandbox-shutdown"));
    new CountDownLatch(1).await();
  }

  /** Parses the arguments, starts the sandbox and prints where it listens. */
  static CsmSandbox start(String[] args, PrintStream out) {
    CsmSandbox sandbox = parse(args).start();
    out.println("baseUri=" + sandbox.baseUri());
    out.println("token=" + sandbox.token());
    out.flush();
    return sandbox;
  }

  static CsmSandbox.Builder parse(String[] args) {
    CsmSandbox.Builder b = CsmSandbox.builder();
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value after " + option);
      }
      String value = args[++i];
      switch (option) {
        case "--port":
          b.port(number(option, value));
          break;
        case "--token":
          b.token(value);
          break;
        case "--runs-for-ms":
          b.runsFor(Duration.ofMillis(number(option, value)));
          break;
        case "--task-limit":
          b.taskLimit(number(option, value));
          break;
        default:
          throw new IllegalArgumentException("unknown option " + option);
      }
    }
    return b;
  }

  private static int number(String option, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a number, got " + value);
    }
  }
}
