package io.github.csmkit.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/** Runs {@link OverheadBenchmark} through JMH's Runner API and turns its scores into figures. */
final class Overhead {
  private Overhead() {}

  static List<Figure> run(boolean smoke) {
    OptionsBuilder b = new OptionsBuilder();
    b.include(OverheadBenchmark.class.getName() + "\\.");
    if (smoke) { // in-process, a blink: only that it runs and scores
      b.forks(0)
          .warmupIterations(1)
          .warmupTime(TimeValue.milliseconds(100))
          .measurementIterations(1)
          .measurementTime(TimeValue.milliseconds(100))
          .verbosity(VerboseMode.SILENT);
    } else {
      // 5 forks x 10 one-second iterations (50 samples a score): on a shared 2-core machine one
      // fork of 4 gave errors as large as the score, 3 x 8 gave 20 to 45 %; the table shows each
      // score's 99.9 % error. A fixed heap and the serial collector keep GC threads off the
      // second core and the heap from resizing between iterations.
      b.forks(5)
          .warmupIterations(5)
          .warmupTime(TimeValue.seconds(1))
          .measurementIterations(10)
          .measurementTime(TimeValue.seconds(1))
          .jvmArgsAppend("-Xms512m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:+AlwaysPreTouch")
          .verbosity(VerboseMode.NORMAL);
    }
    Options options = b.timeUnit(TimeUnit.NANOSECONDS).build();
    Collection<RunResult> results;
    try {
      results = new Runner(options).run();
    } catch (RunnerException e) {
      throw new IllegalStateException("JMH failed", e);
    }
    Map<String, Double> score = new HashMap<>();
    Map<String, Double> error = new HashMap<>();
    for (RunResult r : results) {
      String label = r.getParams().getBenchmark();
      String name = label.substring(label.lastIndexOf('.') + 1);
      score.put(name, r.getPrimaryResult().getScore());
      error.put(name, r.getPrimaryResult().getScoreError());
    }
    double ours = score.get("csmkit");
    double base = score.get("baseline");
    double floor = score.get("serialiseOnly");
    // the ratio's relative error: the two scores' relative errors in quadrature
    double ratioError =
        Math.hypot(error.get("csmkit") / ours, error.get("baseline") / base) * (ours / base);
    String n = "2 overhead";
    List<Figure> out = new ArrayList<>();
    out.add(
        Figure.atMost(
            n,
            "map + validate + serialise, per record"
                + err(ours, error.get("csmkit"))
                + String.format(Locale.ROOT, ", ratio ± %.2f", ratioError),
            ours,
            "ns",
            ours / base,
            "x baseline",
            1.3));
    out.add(
        Figure.plain(
            n,
            "baseline: hand-built map tree + bare ObjectMapper" + err(base, error.get("baseline")),
            base,
            "ns"));
    out.add(
        new Figure(
            n,
            "serialising a prebuilt tree only (floor)" + err(floor, error.get("serialiseOnly")),
            floor,
            "ns",
            ours / floor,
            "x floor",
            "",
            null));
    return out;
  }

  /** The 99.9 % error of a score, absolute and as a share of it. */
  private static String err(double score, double error) {
    return Double.isNaN(error)
        ? ""
        : String.format(Locale.ROOT, " (± %.0f ns, %.1f %%)", error, 100 * error / score);
  }
}
