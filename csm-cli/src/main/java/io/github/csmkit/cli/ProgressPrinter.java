package io.github.csmkit.cli;

import io.github.csmkit.cli.report.Durations;
import io.github.csmkit.client.bulk.ImportListener;
import io.github.csmkit.hubspot.migration.MigrationListener;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Progress on stderr. On a terminal, one line redrawn in place (records done of total, rate, ETA);
 * otherwise (a pipe, a CI log) a plain line at most every few seconds, plus each phase's start and
 * end.
 */
final class ProgressPrinter implements MigrationListener {
  private static final int BAR = 24;

  private final PrintWriter err;
  private final boolean terminal;
  private final Duration plainEvery;
  private final Clock clock;
  private final OptionalLong customersTotal;
  private final boolean stopsAtThreshold;
  private Phase phase;
  private long lastPlain;
  private boolean lineOpen;
  private int lastWidth;

  ProgressPrinter(
      PrintWriter err, boolean terminal, OptionalLong customersTotal, boolean stopsAtThreshold) {
    this(err, terminal, customersTotal, stopsAtThreshold, Duration.ofSeconds(5), Clock.systemUTC());
  }

  ProgressPrinter(
      PrintWriter err,
      boolean terminal,
      OptionalLong customersTotal,
      boolean stopsAtThreshold,
      Duration plainEvery,
      Clock clock) {
    this.err = err;
    this.stopsAtThreshold = stopsAtThreshold;
    this.terminal = terminal;
    this.customersTotal = customersTotal;
    this.plainEvery = plainEvery;
    this.clock = clock;
  }

  @Override
  public synchronized void phaseStarted(Phase phase, OptionalLong total) {
    endLine();
    this.phase = phase;
    this.lastPlain = clock.millis();
    err.println(label(phase) + " ...");
    err.flush();
  }

  @Override
  public synchronized void phaseFinished(Phase phase, String summary) {
    endLine();
    err.println(label(phase) + ": " + humanDurations(summary));
    err.flush();
  }

  @Override
  public synchronized void progress(ImportListener.Progress p) {
    OptionalLong total =
        p.total().isPresent()
            ? p.total()
            : phase == Phase.CUSTOMERS ? customersTotal : OptionalLong.empty();
    String line = line(p, total);
    if (terminal) {
      String padded = line + " ".repeat(Math.max(0, lastWidth - line.length()));
      err.print("\r" + padded);
      lastWidth = line.length();
      lineOpen = true;
      err.flush();
    } else {
      long now = clock.millis();
      if (now - lastPlain >= plainEvery.toMillis()) {
        lastPlain = now;
        err.println("  " + line);
        err.flush();
      }
    }
  }

  @Override
  public synchronized void failureThresholdExceeded(double rate, double threshold) {
    endLine();
    // the share of the records read so far that failed; the exit code uses the final rate
    err.printf(
        Locale.ROOT,
        "%s: %.1f%% of the records read so far failed, above the threshold %.1f%%%s%n",
        stopsAtThreshold ? "STOPPING" : "Note",
        rate * 100,
        threshold * 100,
        stopsAtThreshold ? "" : " (the final rate decides the exit code)");
    err.flush();
  }

  /** Ends a redrawn line, so the next message starts on a line of its own. */
  synchronized void endLine() {
    if (lineOpen) {
      err.println();
      lineOpen = false;
      lastWidth = 0;
    }
  }

  static String line(ImportListener.Progress p, OptionalLong total) {
    StringBuilder s = new StringBuilder();
    if (total.isPresent() && total.getAsLong() > 0) {
      long t = total.getAsLong();
      long done = Math.min(p.done(), t);
      int filled = (int) (BAR * done / t);
      s.append('[')
          .append("#".repeat(filled))
          .append("-".repeat(BAR - filled))
          .append("] ")
          .append(p.done())
          .append('/')
          .append(t)
          .append(" records");
    } else {
      s.append(p.done()).append(" records");
    }
    s.append(String.format(Locale.ROOT, ", %.0f/s", p.recordsPerSecond()));
    if (total.isPresent() && p.recordsPerSecond() > 0) {
      long left = Math.max(0, total.getAsLong() - p.done());
      s.append(", ETA ")
          .append(duration(Duration.ofMillis((long) (left / p.recordsPerSecond() * 1000))));
    } else {
      p.eta().ifPresent(eta -> s.append(", ETA ").append(duration(eta)));
    }
    return s.toString();
  }

  static String duration(Duration d) {
    long s = d.toSeconds();
    if (s >= 3600) {
      return String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60);
    }
    if (s >= 60) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    return s + "s";
  }

  private static final java.util.regex.Pattern ISO_DURATION =
      java.util.regex.Pattern.compile("\\bPT[0-9.HMS]+\\b");

  /** The engine's summaries say {@code PT0.43S}; people read {@code 430 ms}. */
  static String humanDurations(String s) {
    return ISO_DURATION
        .matcher(s)
        .replaceAll(
            m -> {
              try {
                return Durations.human(Duration.parse(m.group()));
              } catch (java.time.format.DateTimeParseException e) {
                return m.group();
              }
            });
  }

  private static String label(Phase phase) {
    return switch (phase) {
      case DETAIL_FIELDS -> "Detail fields";
      case ORGANIZATIONS -> "Organizations";
      case CUSTOMERS -> "Customers";
      case VERIFICATION -> "Verification";
    };
  }
}
