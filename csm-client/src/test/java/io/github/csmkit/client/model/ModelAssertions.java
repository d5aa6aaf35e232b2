package io.github.csmkit.client.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.csmkit.client.error.CsmValidationException;
import io.github.csmkit.client.error.Violation;
import io.github.csmkit.client.error.Violation.Rule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** What the model tests share: JSON trees and the violations a build throws. */
final class ModelAssertions {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ModelAssertions() {}

  static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** The bytes parsed as a tree; compared with {@link #tree(String)} of the expected JSON. */
  static void assertJson(byte[] actual, String expected) {
    assertThat(tree(new String(actual, StandardCharsets.UTF_8))).isEqualTo(tree(expected));
  }

  /** The violations thrown by {@code build}, which must throw. */
  static List<Violation> violations(ThrowingCallable build) {
    CsmValidationException e = catchThrowableOfType(CsmValidationException.class, build);
    assertThat(e).as("a CsmValidationException").isNotNull();
    return e.violations();
  }

  /** The single violation thrown by {@code build}. */
  static Violation single(ThrowingCallable build) {
    List<Violation> all = violations(build);
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  static void assertViolation(Violation v, int index, String field, Rule rule, String message) {
    assertThat(v.index()).as("index of %s", v).isEqualTo(index);
    assertThat(v.field()).as("field of %s", v).isEqualTo(field);
    assertThat(v.rule()).as("rule of %s", v).isEqualTo(rule);
    assertThat(v.message()).as("message of %s", v).isEqualTo(message);
  }
}
