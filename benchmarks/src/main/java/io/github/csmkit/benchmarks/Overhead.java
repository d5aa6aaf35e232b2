package io.github.csmkit.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
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
      b.forks(1)
          .warmupIterations(3)
          .warmupTime(TimeValue.seconds(1))
          .measurementIterations(4)
          .measurementTime(TimeValue.seconds(1))
          .jvmArgsAppend("-Xmx512m")
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
    for (RunResult r : results) {
      String label = r.getParams().getBenchmark();
      score.put(label.substring(label.lastIndexOf('.') + 1), r.getPrimaryResult().getScore());
    }
    double ours = score.get("csmkit");
    double base = score.get("baseline");
    double floor = score.get("serialiseOnly");
    String n = "2 overhead";
    List<Figure> out = new ArrayList<>();
    out.add(
        Figure.atMost(
            n,
            "map + validate + serialise, per record",
            ours,
            "ns",
            ours / base,
            "x baseline",
            1.5));
    out.add(Figure.plain(n, "baseline: hand-built map tree + bare ObjectMapper", base, "ns"));
    out.add(
        new Figure(
            n,
            "serialising a prebuilt tree only (floor)",
            floor,
            "ns",
            ours / floor,
            "x floor",
            "",
            null));
    return out;
  }
}
