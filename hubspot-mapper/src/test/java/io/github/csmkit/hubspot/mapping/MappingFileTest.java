package io.github.csmkit.hubspot.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.csmkit.client.model.ProfileOperationType;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappingFileTest {
  @Test
  void defaultsRoundTripThroughYaml(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("mapping.yaml");
    HubSpotMapping.defaults().write(file);
    String yaml = Files.readString(file);
    assertThat(yaml)
        .contains("field: support-tier")
        .contains("IN_PROGRESS: In Progress")
        .contains("operationType: CREATE");
    assertThat(HubSpotMapping.load(file)).isEqualTo(HubSpotMapping.defaults());
  }

  @Test
  void readsJsonAndKeepsDefaultsForOmittedKeys(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("mapping.json");
    Files.writeString(
        file,
        "{\"operationType\":\"upsert\",\"customers\":{\"fields\":[{\"property\":\"jobtitle\",\"field\":\"Job\"}]}}");
    HubSpotMapping m = HubSpotMapping.load(file);
    assertThat(m.operationType()).isEqualTo(ProfileOperationType.UPSERT);
    assertThat(m.customerFields()).extracting(PropertyMapping::field).containsExactly("Job");
    assertThat(m.organizationFields()).isEqualTo(HubSpotMapping.defaults().organizationFields());
  }

  @Test
  void unknownKeyIsReportedWithItsLine() {
    String yaml =
        "operationType: CREATE\ncustomers:\n  fields:\n    - property: phone\n      field: Phone\n      colour: red\n";
    assertThatThrownBy(() -> HubSpotMapping.parse(new StringReader(yaml), "m.yaml", false))
        .isInstanceOfSatisfying(
            MappingFileException.class,
            e -> {
              // the YAML parser reports the position after the offending entry
              assertThat(e.line()).isBetween(6, 7);
              assertThat(e.key()).isEqualTo("customers.fields[0].colour");
            })
        .hasMessageContaining("m.yaml:")
        .hasMessageContaining("unknown key 'colour'");
  }

  @Test
  void wrongTypeIsReportedWithKeyAndLine() {
    String yaml = "strict: maybe\n";
    assertThatThrownBy(() -> HubSpotMapping.parse(new StringReader(yaml), "m.yaml", false))
        .isInstanceOfSatisfying(
            MappingFileException.class, e -> assertThat(e.key()).isEqualTo("strict"))
        .hasMessageContaining("m.yaml:1");
    String badType =
        "customers:\n  fields:\n    - property: x\n      field: X\n      type: DROPDOWN\n";
    assertThatThrownBy(() -> HubSpotMapping.parse(new StringReader(badType), "m.yaml", false))
        .isInstanceOfSatisfying(
            MappingFileException.class,
            e -> {
              assertThat(e.key()).isEqualTo("customers.fields[0].type");
              assertThat(e.line()).isEqualTo(5);
            });
  }

  @Test
  void invalidMappingNamesTheKey() {
    String yaml = "customers:\n  fields:\n    - property: x\n      field: X\n      type: SELECT\n";
    assertThatThrownBy(() -> HubSpotMapping.parse(new StringReader(yaml), "m.yaml", false))
        .isInstanceOf(MappingFileException.class)
        .hasMessageContaining("customers.fields[0]")
        .hasMessageContaining("needs options");
    assertThatThrownBy(
            () -> HubSpotMapping.parse(new StringReader("customers: [1, "), "m.yaml", false))
        .isInstanceOf(MappingFileException.class)
        .hasMessageContaining("m.yaml");
  }
}
