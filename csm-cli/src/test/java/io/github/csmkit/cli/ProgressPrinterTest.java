package io.github.csmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csmkit.client.bulk.ImportListener.Progress;
import io.github.csmkit.hubspot.migration.MigrationListener.Phase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {
  @Test
  void aLineShowsDoneOfTotalRateAndEta() {
    String line =
        ProgressPrinter.line(
            new Progress(250, OptionalLong.empty(), 50, Optional.empty()), OptionalLong.of(1000));
    assertThat(line).isEqualTo("[######------------------] 250/1000 records, 50/s, ETA 15s");
    assertThat(
            ProgressPrinter.line(
                new Progress(7, OptionalLong.empty(), 3.4, Optional.empty()), OptionalLong.empty()))
        .isEqualTo("7 records, 3/s");
    assertThat(ProgressPrinter.duration(Duration.ofSeconds(3725))).isEqualTo("1h02m");
  }

  @Test
  void onATerminalTheLineIsRedrawnInPlace() {
    StringWriter s = new StringWriter();
    ProgressPrinter p = new ProgressPrinter(new PrintWriter(s), true, OptionalLong.of(100), false);
    p.phaseStarted(Phase.CUSTOMERS, OptionalLong.empty());
    p.progress(new Progress(50, OptionalLong.empty(), 10, Optional.empty()));
    p.progress(new Progress(100, OptionalLong.empty(), 10, Optional.empty()));
    p.phaseFinished(Phase.CUSTOMERS, "done");

    assertThat(s.toString())
        .isEqualTo(
            "Customers ...\n"
                + "\r[############------------] 50/100 records, 10/s, ETA 5s"
                + "\r[########################] 100/100 records, 10/s, ETA 0s\n"
                + "Customers: done\n");
  }

  @Test
  void elsewherePlainLinesAtMostEveryInterval() {
    StringWriter s = new StringWriter();
    Clock clock = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
    ProgressPrinter p =
        new ProgressPrinter(
            new PrintWriter(s), false, OptionalLong.empty(), true, Duration.ZERO, clock);
    p.phaseStarted(Phase.ORGANIZATIONS, OptionalLong.empty());
    p.progress(new Progress(50, OptionalLong.empty(), 10, Optional.empty()));
    p.failureThresholdExceeded(0.2, 0.05);

    assertThat(s.toString())
        .doesNotContain("\r")
        .contains("Organizations ...\n  50 records, 10/s\n")
        .contains("STOPPING: 20.0% of the records read so far failed, above the threshold 5.0%");

    StringWriter rare = new StringWriter();
    ProgressPrinter q =
        new ProgressPrinter(
            new PrintWriter(rare),
            false,
            OptionalLong.empty(),
            false,
            Duration.ofMinutes(1),
            clock);
    q.phaseStarted(Phase.CUSTOMERS, OptionalLong.empty());
    q.progress(new Progress(50, OptionalLong.empty(), 10, Optional.empty()));
    assertThat(rare.toString()).isEqualTo("Customers ...\n");
  }

  @Test
  void phaseSummariesShowHumanDurations() {
    assertThat(ProgressPrinter.humanDurations("64 imported; 2 batches in PT0.432855017S"))
        .isEqualTo("64 imported; 2 batches in 432 ms");
    assertThat(ProgressPrinter.humanDurations("in PT1M12S, PTX")).isEqualTo("in 1m 12s, PTX");
  }

  @Test
  void theLauncherSaysWhetherStderrIsATerminal() {
    String before = System.getProperty("csmkit.stderrIsTerminal");
    try {
      System.setProperty("csmkit.stderrIsTerminal", "true");
      assertThat(Terminal.stderr()).isTrue();
      System.setProperty("csmkit.stderrIsTerminal", "false");
      assertThat(Terminal.stderr()).isFalse();
    } finally {
      if (before == null) {
        System.clearProperty("csmkit.stderrIsTerminal");
      } else {
        System.setProperty("csmkit.stderrIsTerminal", before);
      }
    }
    // surefire's stderr is a pipe, not a terminal
    assertThat(Terminal.stderr()).isFalse();
  }
}
