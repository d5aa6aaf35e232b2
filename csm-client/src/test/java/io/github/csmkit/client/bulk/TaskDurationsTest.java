package io.github.csmkit.client.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csmkit.client.model.TaskState;
import io.github.csmkit.client.model.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The learned task duration: when to poll, when to lend a slot, how long to back off. */
class TaskDurationsTest {
  private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

  private static TaskDurations measured(long millis) {
    TaskDurations d =
        new TaskDurations(Duration.ofSeconds(1), Duration.ofMillis(10), Duration.ofSeconds(1));
    d.learn(T0, T0.plusMillis(millis), status());
    return d;
  }

  private static TaskStatus status() {
    return TaskStatus.builder().id("t").state(TaskState.FINISHED).rawStatus("COMPLETED").build();
  }

  @Test
  void nothingIsLentBeforeATaskWasMeasuredAndPollsComeEveryQuarterOfTheGuess() {
    TaskDurations d =
        new TaskDurations(Duration.ofSeconds(1), Duration.ofMillis(10), Duration.ofSeconds(1));

    assertThat(d.predictedEnd(T0)).isNull();
    assertThat(d.firstPoll()).isEqualTo(Duration.ofMillis(250));
    assertThat(d.pollInterval()).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void theEstimateIsAWeightedMeanOfWhatTasksTook() {
    TaskDurations d = measured(200);
    assertThat(d.predictedEnd(T0)).isEqualTo(T0.plusMillis(200));

    d.learn(T0, T0.plusMillis(300), status()); // 0.7 * 200 + 0.3 * 300
    assertThat(d.estimate()).isEqualTo(Duration.ofMillis(230));
    assertThat(d.firstPoll()).isEqualTo(Duration.ofMillis(230));
    assertThat(d.pollInterval()).isEqualTo(Duration.ofMillis(23));
  }

  @Test
  void eachRefusedEarlySubmitLendsLaterByAFiftiethOfATask() {
    TaskDurations d = measured(200);

    d.earlySubmit(true);
    assertThat(d.predictedEnd(T0)).isEqualTo(T0.plusMillis(204));
    d.earlySubmit(true);
    assertThat(d.predictedEnd(T0)).isEqualTo(T0.plusMillis(208));
  }

  @Test
  void eachAcceptedEarlySubmitLendsEarlierByAnEighthOfThatButNeverBeforeTheEstimate() {
    TaskDurations d = measured(200);
    d.earlySubmit(true);
    d.earlySubmit(true); // 8 ms

    for (int i = 0; i < 8; i++) {
      d.earlySubmit(false);
    }
    assertThat(d.predictedEnd(T0)).isEqualTo(T0.plusMillis(204));
    for (int i = 0; i < 100; i++) {
      d.earlySubmit(false);
    }
    assertThat(d.predictedEnd(T0)).isEqualTo(T0.plusMillis(200));
  }

  @Test
  void refusalsNeverPushTheLendPastAQuarterOfATask() {
    TaskDurations d = measured(200);

    for (int i = 0; i < 1000; i++) {
      d.earlySubmit(true);
    }

    assertThat(d.predictedEnd(T0)).isEqualTo(T0.plusMillis(250));
  }

  @Test
  void backPressureStartsAtHalfATaskAndDoubles() {
    TaskDurations d = measured(200);

    assertThat(d.backPressureDelay(0)).isEqualTo(Duration.ofMillis(100));
    assertThat(d.backPressureDelay(1)).isEqualTo(Duration.ofMillis(200));
    assertThat(d.backPressureDelay(20)).isEqualTo(Duration.ofSeconds(30));
  }
}
