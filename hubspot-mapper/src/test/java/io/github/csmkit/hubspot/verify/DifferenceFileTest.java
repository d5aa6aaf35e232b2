package io.github.csmkit.hubspot.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.csmkit.hubspot.state.ObjectType;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streamed report file: valid JSON whether or not the run finished; owner-only. */
class DifferenceFileTest {
  @TempDir Path dir;

  private static final Difference MISSING =
      new Difference(
          ObjectType.CONTACT,
          "1001",
          Optional.of("qm:1"),
          Difference.Kind.FIELD_MISSING,
          Optional.of("Phone"),
          Optional.of("hash 00"),
          Optional.empty());

  @Test
  void aRunThatStoppedHalfWayLeavesValidJsonWithoutASummary() throws Exception {
    Path file = dir.resolve("verify.json");
    Files.writeString(file, "an older report, replaced");
    try (DifferenceFile out = DifferenceFile.create(file)) {
      out.accept(MISSING);
    }
    JsonNode json = new ObjectMapper().readTree(file.toFile());
    assertThat(json.get("differences")).hasSize(1);
    assertThat(json.at("/differences/0/kind").asText()).isEqualTo("FIELD_MISSING");
    assertThat(json.at("/differences/0/field").asText()).isEqualTo("Phone");
    assertThat(json.at("/differences/0").has("actual")).isFalse();
    assertThat(json.get("summary").isNull()).isTrue();
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
    }
  }

  @Test
  void describeNamesEverythingKnown() {
    assertThat(MISSING.describe())
        .isEqualTo("contact 1001 (qm:1): FIELD_MISSING Phone: expected hash 00");
  }
}
