package io.github.csmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bundled demo data is what {@link DemoDataGenerator} makes, with the flaws it promises. */
class DemoDataTest {
  @Test
  void theBundledFilesAreTheGeneratorsOutput() throws IOException {
    for (Map.Entry<String, String> e : DemoDataGenerator.generate().entrySet()) {
      try (InputStream in = getClass().getResourceAsStream("/demo/" + e.getKey())) {
        assertThat(in).as(e.getKey()).isNotNull();
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
            .as("%s differs from DemoDataGenerator's output: regenerate it", e.getKey())
            .isEqualTo(e.getValue());
      }
    }
  }

  @Test
  void theExportHasTheFlawsOfARealOne() {
    String contacts = DemoDataGenerator.generate().get("contacts.csv");
    assertThat(contacts)
        .startsWith("\uFEFF\"Record ID\"")
        .contains("\r\n")
        .contains("\"+44 20 7946 0958\next. 12\"")
        .contains("\"Smith, Jones & Partners\"")
        .contains("\"maria.garcia@\"")
        .contains(",\"\",")
        .contains("\"Northwind Traders\"");
    assertThat(contacts.split("\r\n")).hasSize(501);
  }
}
