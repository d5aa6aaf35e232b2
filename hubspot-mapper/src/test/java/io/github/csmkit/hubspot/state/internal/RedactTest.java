package io.github.csmkit.hubspot.state.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "jdbc:postgresql://db:5432/csm?user=sync&password=hunter2 | jdbc:postgresql://db:5432/csm?user=sync&password=***",
        "jdbc:postgresql://db/csm?password=hunter2&ssl=true | jdbc:postgresql://db/csm?password=***&ssl=true",
        "jdbc:postgresql://sync:hunter2@db/csm | jdbc:postgresql://***@db/csm",
        "jdbc:postgresql://db/csm?sslpassword=hunter2 | jdbc:postgresql://db/csm?sslpassword=***",
        "jdbc:sqlserver://db;user=sa;password=hunter2;encrypt=true | jdbc:sqlserver://db;user=sa;password=***;encrypt=true",
        "jdbc:mysql://db/csm?PASSWORD=hunter2 | jdbc:mysql://db/csm?PASSWORD=***",
        "jdbc:sqlite:/home/me/csmkit-state.db | jdbc:sqlite:/home/me/csmkit-state.db",
        "jdbc:postgresql://db/csm?user=sync | jdbc:postgresql://db/csm?user=sync",
      })
  void passwordsAreStripped(String url, String expected) {
    assertThat(Redact.url(url)).isEqualTo(expected).doesNotContain("hunter2");
  }
}
