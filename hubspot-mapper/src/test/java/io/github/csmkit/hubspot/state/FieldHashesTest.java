package io.github.csmkit.hubspot.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldHashesTest {
  @Test
  void hashesAreTheDocumentedEncodingAndNeverChange() {
    // computed independently (Python hashlib) from the encoding documented on FieldHashes: a state
    // written today must compare equal with tomorrow's code
    assertThat(FieldHashes.hash(List.of("+1-555-0123")))
        .isEqualTo("d7f884d96be4e3d78a3e1125e2ad991c");
    assertThat(FieldHashes.hash(List.of("a", "b"))).isEqualTo("db7fb0036791c3990525f0aed7da93d8");
    assertThat(FieldHashes.hash(List.of("Zürich"))).isEqualTo("ab7b9cfcdc101848603d88d9fb663d04");
  }

  @Test
  void valueBoundariesAndOrderMatter() {
    assertThat(FieldHashes.hash(List.of("a", "b")))
        .isNotEqualTo(FieldHashes.hash(List.of("ab")))
        .isNotEqualTo(FieldHashes.hash(List.of("b", "a")))
        .isNotEqualTo(FieldHashes.hash(List.of("a", "b", "")));
  }

  @Test
  void emptyFieldsHaveNoHash() {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    fields.put("Phone", List.of("1"));
    fields.put("Cleared", List.of());
    assertThat(FieldHashes.of(fields)).containsOnlyKeys("Phone");
    assertThatThrownBy(() -> FieldHashes.hash(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
