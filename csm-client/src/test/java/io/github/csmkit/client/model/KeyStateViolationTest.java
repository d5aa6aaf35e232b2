package io.github.csmkit.client.model;

import static io.github.csmkit.client.model.ModelAssertions.assertViolation;
import static io.github.csmkit.client.model.ModelAssertions.single;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.csmkit.client.error.CsmValidationException;
import io.github.csmkit.client.error.Violation;
import io.github.csmkit.client.error.Violation.Rule;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** IdempotencyKey's rules, TaskState's two vocabularies, and Violation as a value. */
class KeyStateViolationTest {
  @Test
  void aCallersKeyIsOneTo255PrintableAsciiCharacters() {
    String max = "k".repeat(255);
    assertThat(IdempotencyKey.of(max).value()).isEqualTo(max);
    assertThat(IdempotencyKey.of("c748a424-1db8-47f9-8288-713cdb0407b5"))
        .hasToString("c748a424-1db8-47f9-8288-713cdb0407b5");
    assertThat(IdempotencyKey.of("!~")).isEqualTo(IdempotencyKey.of("!~"));
    assertViolation(
        single(() -> IdempotencyKey.of("k".repeat(256))),
        -1,
        "Idempotency-Key",
        Rule.VALUE_REQUIRED,
        "an idempotency key has at most 255 characters, this one has 256");
    for (String blank : new String[] {null, "", "   "}) {
      assertViolation(
          single(() -> IdempotencyKey.of(blank)),
          -1,
          "Idempotency-Key",
          Rule.VALUE_REQUIRED,
          "an idempotency key must not be blank");
    }
    for (String bad :
        new String[] {
          "with space", "tab\there", "caf\u00e9", "line\nbreak", "del\u007f", "nbsp\u00a0"
        }) {
      assertViolation(
          single(() -> IdempotencyKey.of(bad)),
          -1,
          "Idempotency-Key",
          Rule.VALUE_REQUIRED,
          "an idempotency key holds printable ASCII characters only, without spaces");
    }
  }

  @Test
  void randomKeysAreUuidsAndDistinct() {
    Set<IdempotencyKey> keys = new HashSet<>();
    IntStream.range(0, 100).forEach(i -> keys.add(IdempotencyKey.random()));
    assertThat(keys)
        .hasSize(100)
        .allSatisfy(
            k ->
                assertThat(k.value())
                    .matches(
                        "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
    IdempotencyKey k = IdempotencyKey.random();
    assertThat(IdempotencyKey.of(k.value())).isEqualTo(k).hasSameHashCodeAs(k);
    assertThat(k).isNotEqualTo(k.value());
  }

  @ParameterizedTest
  @CsvSource({
    "NOT_STARTED, NOT_STARTED, false", "IN_PROGRESS, IN_PROGRESS, false",
        "FINISHED, FINISHED, true",
    "FAILED, FAILED, true", "PROCESSING, IN_PROGRESS, false", "COMPLETED, FINISHED, true",
    "' completed ', FINISHED, true", "processing, IN_PROGRESS, false", "Finished, FINISHED, true",
    "QUEUED, NOT_STARTED, false", "PENDING, NOT_STARTED, false", "RUNNING, IN_PROGRESS, false",
    "COMPLETE, FINISHED, true", "CANCELLED, UNKNOWN, false", "TIMED_OUT, UNKNOWN, false",
    "'', UNKNOWN, false", "SUCCESS, UNKNOWN, false"
  })
  void bothVocabulariesAreReadAndAnUnknownStatusIsNotFinished(
      String raw, TaskState state, boolean terminal) {
    assertThat(TaskState.parse(raw)).isEqualTo(state);
    assertThat(TaskState.parse(raw).isTerminal()).isEqualTo(terminal);
  }

  @Test
  void aNullStatusIsUnknown() {
    assertThat(TaskState.parse(null)).isEqualTo(TaskState.UNKNOWN);
    assertThat(TaskState.UNKNOWN.isTerminal()).isFalse();
  }

  @Test
  void violationsAreValues() {
    Violation v = Violation.of("email", Rule.EMAIL_FORMAT, "'x' is not a valid email");
    assertThat(v.index()).isEqualTo(-1);
    assertThat(v).hasToString("batch: email: EMAIL_FORMAT: 'x' is not a valid email");
    Violation placed = v.atIndex(4);
    assertThat(placed)
        .isEqualTo(Violation.at(4, "email", Rule.EMAIL_FORMAT, "'x' is not a valid email"))
        .hasSameHashCodeAs(Violation.at(4, "email", Rule.EMAIL_FORMAT, "'x' is not a valid email"))
        .isNotEqualTo(v)
        .isNotEqualTo(placed.atIndex(5))
        .isNotEqualTo(Violation.at(4, "mail", Rule.EMAIL_FORMAT, "'x' is not a valid email"))
        .isNotEqualTo(Violation.at(4, "email", Rule.EMAIL_REQUIRED, "'x' is not a valid email"))
        .isNotEqualTo(Violation.at(4, "email", Rule.EMAIL_FORMAT, "other"))
        .isNotEqualTo("item 4");
    assertThat(placed).hasToString("item 4: email: EMAIL_FORMAT: 'x' is not a valid email");
  }

  @Test
  void aValueExceptionHasNoViolations() {
    CsmValidationException e =
        new CsmValidationException("Cannot build X, some of required attributes are not set [id]");
    assertThat(e.violations()).isEmpty();
    assertThat(e).hasMessage("Cannot build X, some of required attributes are not set [id]");
  }
}
