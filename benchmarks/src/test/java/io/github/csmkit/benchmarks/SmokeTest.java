package io.github.csmkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each harness at tiny sizes: it completes and reports sane numbers. No performance targets here (a
 * shared CI machine cannot judge them); the full run is {@code java -jar benchmarks.jar}.
 */
class SmokeTest {

  @org.junit.jupiter.api.BeforeAll
  static void quiet() {
    Quiet.engineLogs();
  }

  @Test
  void throughputMeasuresEngineLoopAndCeiling() {
    ThroughputBenchmark.Config config = ThroughputBenchmark.Config.smoke();
    ThroughputBenchmark bench = new ThroughputBenchmark(config);
    assertThat(bench.ceiling())
        .isEqualTo(5 * 50 / 0.020, org.assertj.core.data.Offset.offset(1e-6));
    ThroughputBenchmark.Run engine = bench.engine(0.05);
    assertThat(engine.succeeded()).isEqualTo(config.records());
    assertThat(engine.batches()).isEqualTo(config.records() / 50);
    ThroughputBenchmark.Run loop =
        bench.loop(
            io.github.csmkit.client.PollPolicy.builder()
                .initialDelay(java.time.Duration.ofMillis(20))
                .build(),
            "loop");
    assertThat(loop.succeeded()).isEqualTo(config.loopRecords());
    assertThat(engine.perSecond()).isPositive();
    assertThat(loop.perSecond()).isPositive();
  }

  @Test
  void throughputTableHasEveryRow() {
    List<Figure> figures = new ThroughputBenchmark(ThroughputBenchmark.Config.smoke()).run();
    assertThat(figures).hasSize(6);
    assertThat(figures.subList(1, 4)).allSatisfy(f -> assertThat(f.ratio()).isPositive());
    assertThat(Table.render(figures)).contains("of ceiling").contains("x loop");
  }

  @Test
  void overheadRunsUnderJmhAndBothSidesWriteTheSameBytes() {
    OverheadBenchmark b = new OverheadBenchmark();
    b.setUp(); // throws when the baseline's JSON differs from the client's
    assertThat(b.csmkit()).isEqualTo(b.baseline());
    b.tearDown();
    List<Figure> figures = Overhead.run(true);
    assertThat(figures).hasSize(3);
    assertThat(figures).allSatisfy(f -> assertThat(f.value()).isPositive());
    assertThat(figures.get(0).ratio()).isPositive();
  }

  @Test
  void memoryStreamsACsvThroughAChildJvm() {
    MemoryBenchmark.Config config = MemoryBenchmark.Config.smoke();
    MemoryBenchmark.Result r = new MemoryBenchmark(config).measure();
    assertThat(r.exitCode()).isZero();
    assertThat(r.read()).isEqualTo(config.records());
    assertThat(r.succeeded()).isEqualTo(config.records());
    assertThat(r.balanced()).isTrue();
    assertThat(r.heapAt()).containsOnlyKeys(config.records() / 10, config.records());
    assertThat(r.heapAt().values()).allSatisfy(h -> assertThat(h).isPositive());
    assertThat(r.heapAfterReport()).isPositive();
  }

  @Test
  void memoryWithoutDedupeReportsEveryFigure() {
    List<Figure> figures =
        new MemoryBenchmark(MemoryBenchmark.Config.smoke().withoutDedupe()).run();
    assertThat(figures).hasSize(4).allSatisfy(f -> assertThat(f.benchmark()).contains("noDedupe"));
    assertThat(figures.get(0).met()).isTrue(); // completed
    assertThat(figures.get(2).ratio()).isPositive();
  }

  @Test
  void startupMeasuresOrSaysWhyNot() {
    List<Figure> figures = new StartupBenchmark(StartupBenchmark.findRoot(), true).run();
    assertThat(figures).isNotEmpty();
    if (figures.get(0).what().startsWith("not measured")) {
      assertThat(figures.get(0).what()).isEqualTo("not measured: csm-cli not built");
    } else {
      assertThat(figures).allSatisfy(f -> assertThat(f.value()).isPositive());
    }
  }

  @Test
  void incrementalSyncReadsOnlyTheChangesOfAPortal() {
    List<Figure> figures =
        new IncrementalSyncBenchmark(IncrementalSyncBenchmark.Config.smoke()).run();
    assertThat(figures).hasSize(7);
    Figure requests =
        figures.stream()
            .filter(f -> f.what().startsWith("incremental: HubSpot requests"))
            .findFirst()
            .orElseThrow();
    // 3,000 contacts: a full pass is 30 list pages + 30 association reads + 1 + 2 searches
    assertThat(figures.get(0).value()).isEqualTo(63);
    assertThat(requests.value()).isBetween(3.0, 8.0);
    assertThat(requests.ratio()).isLessThan(0.2);
  }

  @Test
  void aDeltaRunSendsExactlyTheChangedContacts() {
    // the harness itself throws unless the second run sent exactly the 30 changed contacts
    List<Figure> figures = new DeltaRunBenchmark(DeltaRunBenchmark.Config.smoke()).run();
    assertThat(figures).hasSize(8);
    assertThat(figures.get(3).value()).isEqualTo(30); // UPDATEs sent
    assertThat(figures.get(1).ratio()).isPositive().isLessThan(1.5);
    assertThat(figures.get(5).value()).isBetween(100.0, 2000.0); // bytes per record on disk
    assertThat(figures.get(7).ratio()).isPositive();
  }

  @Test
  void argumentsChooseHarnesses() {
    assertThat(RunAll.ALL).containsExactly("throughput", "overhead", "memory", "startup");
    assertThat(RunAll.header(true)).contains("SMOKE").contains("cores");
  }
}
