package io.github.csmkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncStateBenchmarkTest {
  @TempDir Path dir;

  @Test
  void settlesPlansAndMeasuresASmallState() {
    SyncStateBenchmark.Result r = SyncStateBenchmark.run(dir.resolve("state.db"), 1_000);
    assertThat(r.records()).isEqualTo(1_000);
    assertThat(r.bytesOnDisk()).isPositive();
    // 8 hashes of 32 hex digits and 1-2 memberships cannot take less than ~300 bytes a record
    assertThat(r.bytesPerRecord()).isBetween(300.0, 5_000.0);
    assertThat(r.settleSeconds()).isPositive();
  }
}
