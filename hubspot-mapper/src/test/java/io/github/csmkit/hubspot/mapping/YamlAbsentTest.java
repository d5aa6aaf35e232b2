package io.github.csmkit.hubspot.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * hubspot-mapper without its optional jackson-dataformat-yaml: run by the surefire execution {@code
 * without-yaml}, whose class path lacks it and SnakeYAML. JSON mappings and the defaults work; YAML
 * fails with a message that names the dependency to add.
 */
class YamlAbsentTest {
  @Test
  void theClassPathReallyLacksYaml() {
    assertThatThrownBy(() -> Class.forName("com.fasterxml.jackson.dataformat.yaml.YAMLMapper"))
        .isInstanceOf(ClassNotFoundException.class);
    assertThatThrownBy(() -> Class.forName("org.yaml.snakeyaml.Yaml"))
        .isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void defaultsAndJsonMappingsNeedNoYaml(@TempDir Path dir) throws Exception {
    assertThat(HubSpotMapping.defaults().emailProperty()).isEqualTo("email");
    Path json = Files.writeString(dir.resolve("mapping.json"), "{\"strict\": true}");
    assertThat(HubSpotMapping.load(json).strict()).isTrue();
  }

  @Test
  void aYamlMappingNamesTheMissingDependency(@TempDir Path dir) throws Exception {
    Path yaml = Files.writeString(dir.resolve("mapping.yaml"), "strict: true\n");
    for (int attempt = 0; attempt < 2; attempt++) { // the second attempt sees a failed class init
      assertThatThrownBy(() -> HubSpotMapping.load(yaml))
          .isInstanceOf(MappingFileException.class)
          .hasMessageStartingWith(yaml + ": YAML mapping files need")
          .hasMessageContaining("com.fasterxml.jackson.dataformat:jackson-dataformat-yaml")
          .hasMessageContaining("use a .json mapping file");
    }
    assertThatThrownBy(() -> HubSpotMapping.parse(new StringReader("strict: true"), "m", false))
        .isInstanceOf(MappingFileException.class)
        .hasMessageContaining("jackson-dataformat-yaml");
    assertThatThrownBy(() -> HubSpotMapping.defaults().toYaml())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("jackson-dataformat-yaml");
    assertThatThrownBy(() -> HubSpotMapping.defaults().write(dir.resolve("out.yaml")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("jackson-dataformat-yaml");
  }
}
