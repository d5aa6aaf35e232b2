package io.github.csmkit.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Benchmark 2 again, made to stand a shared machine: the same two methods as {@link
 * OverheadBenchmark}, timed by this thread's CPU time (which other processes' load barely moves)
 * and interleaved block by block, so that both sides see the same machine. The ratio of each round
 * is one sample; the figure is their mean with its 99.9 % confidence half-width.
 */
public final class OverheadCpu {
  private static final double Z_999 = 3.29; // two-sided 99.9 %, normal; rounds are many

  private OverheadCpu() {}

  /**
   * The figures: in this JVM for a smoke run, else in a fresh one (as JMH forks), so that the
   * harnesses run before cannot pollute the JIT's profiles of the code measured.
   */
  static List<Figure> run(boolean smoke) {
    if (smoke) {
      return measure(true).figures();
    }
    try {
      Process p =
          new ProcessBuilder(
                  Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Xmx512m",
                  "-cp",
                  System.getProperty("java.class.path"),
                  OverheadCpu.class.getName())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new IllegalStateException("the CPU-time child failed: " + out);
      }
      String[] v =
          out.lines().filter(l -> l.startsWith("RESULT ")).findFirst().orElseThrow().split(" ");
      return new Result(
              Double.parseDouble(v[1]),
              Double.parseDouble(v[2]),
              Double.parseDouble(v[3]),
              Double.parseDouble(v[4]),
              Integer.parseInt(v[5]))
          .figures();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The child JVM: measures and prints one {@code RESULT} line. */
  public static void main(String[] args) {
    Result r = measure(false);
    System.out.println(
        "RESULT " + r.ours() + " " + r.base() + " " + r.mean() + " " + r.half() + " " + r.rounds());
  }

  /**
   * What was measured.
   *
   * @param ours CPU ns per record, csmkit
   * @param base CPU ns per record, baseline
   * @param mean the mean of the rounds' ratios
   * @param half its 99.9 % confidence half-width
   * @param rounds the rounds
   */
  record Result(double ours, double base, double mean, double half, int rounds) {
    List<Figure> figures() {
      String n = "2 overhead";
      List<Figure> out = new ArrayList<>();
      out.add(
          Figure.atMost(
              n,
              String.format(
                  Locale.ROOT,
                  "CPU time, interleaved (%d rounds): map + validate + serialise, per record,"
                      + " ratio %.2f ± %.2f (%.1f %%)",
                  rounds,
                  mean,
                  half,
                  100 * half / mean),
              ours,
              "ns",
              mean,
              "x baseline",
              1.3));
      out.add(Figure.plain(n, "CPU time, interleaved: baseline, per record", base, "ns"));
      return out;
    }
  }

  private static Result measure(boolean smoke) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    if (!mx.isCurrentThreadCpuTimeSupported()) {
      throw new IllegalStateException("CPU-time measurement is not supported on this JVM");
    }
    OverheadBenchmark b = new OverheadBenchmark();
    b.setUp();
    Blackhole hole =
        new Blackhole(
            "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
    int warmupRounds = smoke ? 2 : 60;
    int rounds = smoke ? 5 : 120;
    int block = smoke ? 20 : 400; // invocations per side per round (a batch of 50 each)
    try {
      double[] ratios = new double[rounds];
      double ours = 0;
      double base = 0;
      for (int r = -warmupRounds; r < rounds; r++) {
        long t0 = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < block; i++) {
          hole.consume(b.csmkit());
        }
        long t1 = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < block; i++) {
          hole.consume(b.baseline());
        }
        long t2 = mx.getCurrentThreadCpuTime();
        if (r >= 0) {
          ratios[r] = (double) (t1 - t0) / (t2 - t1);
          ours += (t1 - t0);
          base += (t2 - t1);
        }
      }
      double perRecord = block * (double) rounds * OverheadBenchmark.BATCH;
      double mean = 0;
      for (double x : ratios) {
        mean += x / rounds;
      }
      double var = 0;
      for (double x : ratios) {
        var += (x - mean) * (x - mean) / (rounds - 1);
      }
      double half = Z_999 * Math.sqrt(var / rounds);
      return new Result(ours / perRecord, base / perRecord, mean, half, rounds);
    } finally {
      b.tearDown();
    }
  }
}
