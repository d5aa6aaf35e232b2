package io.github.csmkit.hubspot.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csmkit.hubspot.mapping.MappingIssue;
import io.github.csmkit.hubspot.source.SourcePosition;
import java.util.List;
import org.junit.jupiter.api.Test;

class MappingWarningsTest {
  @Test
  void countsEveryWarningKeepsTheFirstThousandAndIgnoresErrors() {
    MappingWarnings w = new MappingWarnings();
    List<MappingIssue> issues =
        List.of(
            new MappingIssue("phone", "x", MappingIssue.Severity.WARNING, "left out"),
            new MappingIssue("email", "y", MappingIssue.Severity.ERROR, "invalid"));
    for (int i = 1; i <= 1500; i++) {
      w.add(new SourcePosition("c.csv", i + 1, i), issues);
    }
    assertThat(w.count()).isEqualTo(1500);
    assertThat(w.examples()).hasSize(MappingWarnings.KEPT);
    assertThat(w.examples().get(0)).isEqualTo("c.csv:2 (record 1): phone: left out");
  }
}
