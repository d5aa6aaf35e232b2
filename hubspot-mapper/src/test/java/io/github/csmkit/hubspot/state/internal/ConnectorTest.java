package io.github.csmkit.hubspot.state.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConnectorTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "jdbc:sqlite:/var/csmkit/state.db | /var/csmkit/state.db",
        "jdbc:sqlite:file:/var/csmkit/state.db?cache=shared | /var/csmkit/state.db",
        "jdbc:sqlite::memory: | ''",
        "jdbc:sqlite: | ''",
        "jdbc:sqlite:file:memdb1?mode=memory&cache=shared | ''",
        "jdbc:postgresql://db/csm | ''",
      })
  void theFileOfASqliteUrl(String url, String file) {
    assertThat(Connector.sqliteFile(url).map(Path::toString).orElse("")).isEqualTo(file);
  }
}
