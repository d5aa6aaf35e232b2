package io.github.csmkit.hubspot.mapping;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.csmkit.client.model.DetailFieldType;
import io.github.csmkit.hubspot.internal.YamlSupport;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * A {@link HubSpotMapping} to and from its file (YAML or JSON, the {@link MappingFile} shape):
 * strict reading that names the key and line of every mistake, and YAML writing.
 */
final class MappingCodec {
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private MappingCodec() {}

  /**
   * Reads a mapping file: JSON when the name ends in {@code .json}, else YAML. Keys left out take
   * the {@link HubSpotMapping#defaults()}' values; a {@code fields} list replaces the default list.
   *
   * @throws MappingFileException when the file cannot be read, is malformed, has an unknown key or
   *     a value of the wrong type (naming the key and line), or describes an invalid mapping
   */
  static HubSpotMapping load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MappingFileException(file + ": cannot read the mapping file: " + e, "", 0, e);
    }
    boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    return parse(new StringReader(text), file.toString(), json);
  }

  /**
   * Reads a mapping from text; see {@link #load(Path)}.
   *
   * @param in the text
   * @param name the name used in error messages
   * @param json true for JSON, false for YAML
   * @throws MappingFileException when the mapping is malformed or invalid, or YAML is asked for and
   *     jackson-dataformat-yaml (an optional dependency) is missing
   */
  static HubSpotMapping parse(Reader in, String name, boolean json) {
    ObjectMapper mapper;
    try {
      mapper = json ? JSON : YamlSupport.mapper();
    } catch (IllegalStateException e) {
      throw new MappingFileException(name + ": " + e.getMessage(), "", 0, e);
    }
    MappingFile.Root root;
    try {
      root = mapper.readValue(in, MappingFile.Root.class);
    } catch (JsonMappingException e) {
      throw fileError(name, e);
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      int line = loc == null ? 0 : loc.getLineNr();
      throw new MappingFileException(
          name
              + (line > 0 ? ":" + line : "")
              + ": not valid "
              + (json ? "JSON" : "YAML")
              + ": "
              + e.getOriginalMessage(),
          "",
          line,
          e);
    } catch (IOException e) {
      throw new MappingFileException(name + ": cannot read the mapping: " + e, "", 0, e);
    }
    if (root == null) {
      throw new MappingFileException(name + ": the mapping file is empty", "", 0, null);
    }
    return fromFile(root, name);
  }

  private static MappingFileException fileError(String name, JsonMappingException e) {
    StringBuilder key = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        if (key.length() > 0) {
          key.append('.');
        }
        key.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        key.append('[').append(r.getIndex()).append(']');
      }
    }
    JsonLocation loc = e.getLocation();
    int line = loc == null ? 0 : loc.getLineNr();
    String what;
    if (e instanceof UnrecognizedPropertyException u) {
      what =
          "unknown key '" + u.getPropertyName() + "' (known keys: " + u.getKnownPropertyIds() + ")";
    } else {
      what =
          "wrong value for '" + key + "': " + e.getOriginalMessage().replaceAll("\\s+at \\[.*", "");
    }
    return new MappingFileException(
        name + (line > 0 ? ":" + line : "") + ": " + what + " at key '" + key + "'",
        key.toString(),
        line,
        e);
  }

  private static HubSpotMapping fromFile(MappingFile.Root root, String name) {
    HubSpotMapping.Builder b = HubSpotMapping.defaults().toBuilder();
    String key = "";
    try {
      if (root.operationType() != null) {
        b.operationType(root.operationType());
      }
      if (root.strict() != null) {
        b.strict(root.strict());
      }
      if (root.timeZone() != null) {
        key = "timeZone";
        b.timeZone(ZoneId.of(root.timeZone()).normalized());
      }
      MappingFile.Customers c = root.customers();
      if (c != null) {
        if (c.email() != null) {
          b.emailProperty(c.email());
        }
        if (c.displayName() != null) {
          b.displayNameProperties(c.displayName());
        }
        if (c.organizationName() != null) {
          b.organizationProperty(c.organizationName().isBlank() ? null : c.organizationName());
        }
        if (c.fields() != null) {
          b.clearCustomerFields();
          for (int i = 0; i < c.fields().size(); i++) {
            key = "customers.fields[" + i + "]";
            b.addCustomerField(field(c.fields().get(i)));
          }
        }
      }
      MappingFile.Organizations o = root.organizations();
      if (o != null) {
        if (o.name() != null) {
          b.organizationNameProperty(o.name());
        }
        if (o.fallbackName() != null) {
          b.organizationFallbackNameProperty(o.fallbackName().isBlank() ? null : o.fallbackName());
        }
        if (o.fields() != null) {
          b.clearOrganizationFields();
          for (int i = 0; i < o.fields().size(); i++) {
            key = "organizations.fields[" + i + "]";
            b.addOrganizationField(field(o.fields().get(i)));
          }
        }
      }
      key = "";
      return b.build();
    } catch (IllegalArgumentException | NullPointerException | DateTimeException e) {
      throw new MappingFileException(
          name
              + ": invalid mapping"
              + (key.isEmpty() ? "" : " at key '" + key + "'")
              + ": "
              + e.getMessage(),
          key,
          0,
          e);
    }
  }

  private static PropertyMapping field(MappingFile.Field f) {
    if (f == null) {
      throw new IllegalArgumentException("empty field entry");
    }
    if (f.property() == null || f.property().isBlank()) {
      throw new IllegalArgumentException("'property' is required");
    }
    if (f.field() == null || f.field().isBlank()) {
      throw new IllegalArgumentException("'field' is required");
    }
    MappingFile.TypeName t = f.type() == null ? MappingFile.TypeName.TEXT : f.type();
    List<String> options = f.options() == null ? List.of() : f.options();
    boolean select = t == MappingFile.TypeName.SELECT || t == MappingFile.TypeName.MULTISELECT;
    if (!select && !options.isEmpty()) {
      throw new IllegalArgumentException(
          "'options' only apply to SELECT and MULTISELECT, not " + t);
    }
    DetailFieldType type = DetailFieldType.builder().name(t.name()).options(options).build();
    PropertyMapping.Builder pb = PropertyMapping.builder(f.property(), f.field()).type(type);
    if (f.values() != null) {
      pb.values(f.values());
    }
    if (f.multiValue() != null) {
      pb.multiValue(f.multiValue());
    }
    if (f.format() != null) {
      pb.format(f.format());
    }
    if (f.labels() != null) {
      pb.labels(f.labels());
    }
    return pb.build();
  }

  /** This mapping as a YAML document, the format {@link #load(Path)} reads. */
  static String toYaml(HubSpotMapping mapping) {
    try {
      return "# csmkit HubSpot -> CSM mapping; see docs/HUBSPOT.md for every key.\n"
          + YamlSupport.mapper().writeValueAsString(toFile(mapping));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the mapping as YAML", e);
    }
  }

  /**
   * Writes this mapping as YAML (what {@code csmkit mapping init} does).
   *
   * @throws java.io.UncheckedIOException when the file cannot be written
   */
  static void write(HubSpotMapping mapping, Path file) {
    try {
      Files.writeString(file, toYaml(mapping), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot write the mapping to " + file, e);
    }
  }

  private static MappingFile.Root toFile(HubSpotMapping m) {
    return new MappingFile.Root(
        m.operationType(),
        m.strict(),
        m.timeZone().equals(ZoneOffset.UTC) ? "UTC" : m.timeZone().getId(),
        new MappingFile.Customers(
            m.emailProperty(),
            m.displayNameProperties(),
            m.organizationProperty() == null ? "" : m.organizationProperty(),
            m.customerFields().stream().map(MappingCodec::toFile).toList()),
        new MappingFile.Organizations(
            m.organizationNameProperty(),
            m.organizationFallbackNameProperty() == null
                ? ""
                : m.organizationFallbackNameProperty(),
            m.organizationFields().stream().map(MappingCodec::toFile).toList()));
  }

  private static MappingFile.Field toFile(PropertyMapping m) {
    boolean defaultMulti = "MULTISELECT".equals(m.type().name());
    return new MappingFile.Field(
        m.property(),
        m.field(),
        MappingFile.TypeName.valueOf(m.type().name()),
        m.type().options(),
        m.values(),
        m.multiValue() == defaultMulti ? null : m.multiValue(),
        m.format() == PropertyMapping.defaultFormat(m.type()) ? null : m.format(),
        m.labels() ? Boolean.TRUE : null);
  }
}
