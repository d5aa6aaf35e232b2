package io.github.csmkit.cli.report;

import java.time.Duration;
import java.util.Locale;

/** Durations as people read them: {@code 850 ms}, {@code 4.2 s}, {@code 1m 12s}, {@code 2h 05m}. */
public final class Durations {
  private Durations() {}

  /** The duration, rounded to what matters at its size. */
  public static String human(Duration d) {
    long ms = Math.max(0, d.toMillis());
    if (ms < 1000) {
      return ms + " ms";
    }
    if (ms < 10_000) {
      return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
    long s = Math.round(ms / 1000.0);
    if (s < 60) {
      return s + " s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%dh %02dm", s / 3600, s % 3600 / 60);
  }
}
