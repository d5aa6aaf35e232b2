package io.github.csmkit.client.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.csmkit.client.bulk.ImportReport.BatchLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BatchLogsTest {
  private static final String KEY = "csmkit-" + "0123456789abcdef".repeat(4);
  private static final Instant AT = Instant.parse("2026-11-29T05:17:09.123456789Z");

  private static BatchLog log(
      int n,
      Optional<String> task,
      String key,
      Optional<String> url,
      String status,
      Optional<Instant> completed) {
    return new BatchLog(n, AT.plusMillis(n), 50 - n, task, key, url, status, n % 3, completed);
  }

  @Test
  void everyFormReadsBackEqualInBatchOrder() {
    List<BatchLog> logs =
        List.of(
            log(
                3,
                Optional.of("8d073989-af87-490f-a485-af2bc989cd02"),
                KEY,
                Optional.of("/api/v1/tasks/8d073989-af87-490f-a485-af2bc989cd02"),
                "FINISHED",
                Optional.of(AT)),
            log(
                1,
                Optional.of("task-42"),
                "csmkit-not-hex",
                Optional.of("https://x/jsm/csm/cloudid/c/api/v1/tasks/task-42"),
                "FAILED",
                Optional.empty()),
            log(2, Optional.empty(), KEY, Optional.empty(), "NOT_SUBMITTED", Optional.empty()),
            log(
                4,
                Optional.of("8D073989-AF87-490F-A485-AF2BC989CD02"),
                KEY.toUpperCase(),
                Optional.of("/elsewhere"),
                "UNRESOLVED",
                Optional.of(AT.plusNanos(1))),
            log(
                5,
                Optional.of(""),
                KEY,
                Optional.of("/api/v1/tasks/"),
                "FINISHED",
                Optional.empty()));
    BatchLogs compact = new BatchLogs();
    logs.forEach(compact::put);
    List<BatchLog> expected = new ArrayList<>(logs);
    expected.sort((a, b) -> Integer.compare(a.batch(), b.batch()));
    assertThat(compact).hasSize(5).containsExactlyElementsOf(expected);
  }

  @Test
  void aLaterLogReplacesTheEarlierAndGapsAreSkipped() {
    BatchLogs compact = new BatchLogs();
    compact.put(log(7, Optional.empty(), KEY, Optional.empty(), "SUBMITTED", Optional.empty()));
    assertThat(compact).hasSize(1);
    BatchLog last =
        log(7, Optional.of("t"), KEY, Optional.of("/api/v1/tasks/t"), "FINISHED", Optional.of(AT));
    compact.put(last);
    for (int n = 100; n <= 2_000; n++) {
      compact.put(log(n, Optional.empty(), KEY, Optional.empty(), "FINISHED", Optional.empty()));
    }
    assertThat(compact).hasSize(1 + 1_901);
    assertThat(compact.get(0)).isEqualTo(last);
    assertThat(compact.get(1).batch()).isEqualTo(100);
    assertThat(compact.get(1_901).batch()).isEqualTo(2_000);
    assertThatThrownBy(() -> compact.get(1_902)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(
            () ->
                compact.put(log(0, Optional.empty(), KEY, Optional.empty(), "X", Optional.empty())))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
