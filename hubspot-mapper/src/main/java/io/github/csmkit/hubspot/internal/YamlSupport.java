package io.github.csmkit.hubspot.internal;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The mapper for YAML mapping files. jackson-dataformat-yaml (and the SnakeYAML it brings) is an
 * optional dependency of hubspot-mapper, so nothing touches a YAML class until a YAML mapping is
 * read or written; without it, that call fails with {@link #MISSING}.
 */
public final class YamlSupport {
  /** What a YAML read or write says when jackson-dataformat-yaml is not on the class path. */
  public static final String MISSING =
      "YAML mapping files need com.fasterxml.jackson.dataformat:jackson-dataformat-yaml (which"
          + " brings org.yaml:snakeyaml) on the class path; it is an optional dependency of"
          + " hubspot-mapper: add it to your build, or use a .json mapping file";

  private YamlSupport() {}

  /**
   * The YAML mapper: strict about unknown keys and trailing tokens, case-insensitive enums.
   *
   * @return the shared mapper
   * @throws IllegalStateException with {@link #MISSING} when jackson-dataformat-yaml or SnakeYAML
   *     is not on the class path
   */
  public static ObjectMapper mapper() {
    try {
      return Holder.YAML;
    } catch (NoClassDefFoundError e) {
      throw new IllegalStateException(MISSING, e);
    }
  }

  /** Loaded on first use only: its initializer is where the YAML classes are first needed. */
  private static final class Holder {
    static final ObjectMapper YAML =
        YAMLMapper.builder(
                YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION) // else the last key wins
            .build();
  }
}
