package io.github.csmkit.benchmarks;

import java.util.Locale;

/**
 * One line of the results table: a measured value, the baseline it is compared with (measured in
 * the same run), their ratio, and the target when there is one.
 *
 * @param benchmark which harness
 * @param what what was measured
 * @param value the figure
 * @param unit its unit
 * @param ratio the figure over its baseline, or NaN when it has none
 * @param ratioLabel what the ratio compares
 * @param target the target, for example {@code >= 0.90}, or empty
 * @param met whether the target was met; null when there is none
 */
record Figure(
    String benchmark,
    String what,
    double value,
    String unit,
    double ratio,
    String ratioLabel,
    String target,
    Boolean met) {

  static Figure plain(String benchmark, String what, double value, String unit) {
    return new Figure(benchmark, what, value, unit, Double.NaN, "", "", null);
  }

  static Figure note(String benchmark, String what) {
    return new Figure(benchmark, what, Double.NaN, "", Double.NaN, "", "", null);
  }

  static Figure atLeast(
      String benchmark,
      String what,
      double value,
      String unit,
      double ratio,
      String ratioLabel,
      double target) {
    return new Figure(
        benchmark,
        what,
        value,
        unit,
        ratio,
        ratioLabel,
        String.format(Locale.ROOT, ">= %.2f", target),
        ratio >= target);
  }

  static Figure atMost(
      String benchmark,
      String what,
      double value,
      String unit,
      double ratio,
      String ratioLabel,
      double target) {
    return new Figure(
        benchmark,
        what,
        value,
        unit,
        ratio,
        ratioLabel,
        String.format(Locale.ROOT, "<= %.2f", target),
        ratio <= target);
  }

  String valueText() {
    if (Double.isNaN(value)) {
      return "";
    }
    return (value >= 100
            ? String.format(Locale.ROOT, "%,.0f", value)
            : String.format(Locale.ROOT, "%.2f", value))
        + (unit.isEmpty() ? "" : " " + unit);
  }

  String ratioText() {
    return Double.isNaN(ratio) ? "" : String.format(Locale.ROOT, "%.2f %s", ratio, ratioLabel);
  }

  String verdict() {
    return met == null ? "" : met ? "met (" + target + ")" : "MISSED (" + target + ")";
  }
}
