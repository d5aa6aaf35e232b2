package io.github.csmkit.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
final class OverheadCpu {
  private static final double Z_999 = 3.29; // two-sided 99.9 %, normal; rounds are many

  private OverheadCpu() {}

  static List<Figure> run(boolean smoke) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    if (!mx.isCurrentThreadCpuTimeSupported()) {
      return List.of(Figure.note("2 overhead", "CPU-time measurement not supported here"));
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
              ours / perRecord,
              "ns",
              mean,
              "x baseline",
              1.3));
      out.add(
          Figure.plain(n, "CPU time, interleaved: baseline, per record", base / perRecord, "ns"));
      return out;
    } finally {
      b.tearDown();
    }
  }
}
