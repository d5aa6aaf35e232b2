package io.github.csmkit.hubspot.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.github.csmkit.hubspot.source.HubSpotContact;
import io.github.csmkit.hubspot.source.SourcePosition;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Hostile mapping files (unknown keys, wrong types, random text), emails (Unicode, spaces,
 * thousands of characters) and filter expressions: a {@link MappingFileException} naming the file
 * and key, a rejected contact with a reason, an {@link IllegalArgumentException} naming the
 * expression; nothing else.
 */
class MappingHostileInputPropertiesTest {
  private static final String NAME = "hostile-mapping";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();

  private static JsonNode defaultsTree() {
    try {
      return YAML.readTree(HubSpotMapping.defaults().toYaml());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String render(JsonNode tree, boolean json) {
    try {
      return json
          ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree)
          : YAML.writeValueAsString(tree);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /**
   * Either the text is a mapping that works — it maps a contact and survives a round trip through
   * its own YAML — or it is refused with a {@link MappingFileException} that names the file and a
   * line inside the text. Anything else thrown fails the property.
   */
  private static void parseOrRefuse(String text, boolean json) {
    HubSpotMapping mapping;
    try {
      mapping = HubSpotMapping.parse(new StringReader(text), NAME, json);
    } catch (MappingFileException e) {
      Statistics.label("outcome").collect("refused");
      assertThat(e.getMessage()).startsWith(NAME + ":");
      long lines = text.lines().count();
      assertThat(e.line()).as("line of %s", e.getMessage()).isBetween(0, (int) lines + 1);
      return;
    }
    Statistics.label("outcome").collect("parsed");
    assertThat(HubSpotMapping.parse(new StringReader(mapping.toYaml()), NAME, false))
        .as("round trip of %s", text)
        .isEqualTo(mapping);
    MappedContact mapped =
        Mapper.of(mapping)
            .map(
                new HubSpotContact(
                    "1",
                    Map.of(mapping.emailProperty(), "ada@example.com", "firstname", "Ada"),
                    List.of(),
                    false,
                    new SourcePosition("t", 2, 1)));
    assertThat(mapped.rejected() || mapped.operation().isPresent()).isTrue();
  }

  /** The objects of the default mapping where a key can go, by their key path. */
  private static final List<String> OBJECTS =
      List.of("", "customers", "organizations", "customers.fields[0]", "organizations.fields[1]");

  private static ObjectNode at(JsonNode root, String path) {
    JsonNode n = root;
    for (String part : path.isEmpty() ? new String[0] : path.split("\\.")) {
      int bracket = part.indexOf('[');
      if (bracket >= 0) {
        n =
            n.get(part.substring(0, bracket))
                .get(Integer.parseInt(part.substring(bracket + 1, part.length() - 1)));
      } else {
        n = n.get(part);
      }
    }
    return (ObjectNode) n;
  }

  @Property(tries = 1000)
  void anUnknownKeyIsNamedWithItsPathAndLine(
      @ForAll("objects") String where, @ForAll("unknownKeys") String key, @ForAll boolean json) {
    JsonNode tree = defaultsTree();
    at(tree, where).put(key, "x");
    String text = render(tree, json);
    assertThatThrownBy(() -> HubSpotMapping.parse(new StringReader(text), NAME, json))
        .isInstanceOf(MappingFileException.class)
        .hasMessageStartingWith(NAME + ":")
        .hasMessageContaining("unknown key '" + key + "'")
        .satisfies(e -> assertThat(((MappingFileException) e).line()).isPositive())
        .satisfies(
            e ->
                assertThat(((MappingFileException) e).key())
                    .isEqualTo(where.isEmpty() ? key : where + "." + key));
  }

  @Provide
  Arbitrary<String> objects() {
    return Arbitraries.of(OBJECTS);
  }

  @Provide
  Arbitrary<String> unknownKeys() {
    return Arbitraries.strings()
        .alpha()
        .ofMinLength(1)
        .ofMaxLength(12)
        .filter(
            k ->
                !List.of(
                        "operationType",
                        "strict",
                        "timeZone",
                        "customers",
                        "organizations",
                        "email",
                        "displayName",
                        "organizationName",
                        "fields",
                        "name",
                        "fallbackName",
                        "property",
                        "field",
                        "type",
                        "options",
                        "values",
                        "multiValue",
                        "format",
                        "labels")
                    .contains(k));
  }

  /** A key of the default mapping and a value of the wrong type for it. */
  @Provide
  Arbitrary<Tuple.Tuple2<String, JsonNode>> wrongTypes() {
    Arbitrary<String> scalarKeys =
        Arbitraries.of(
            "strict",
            "timeZone",
            "operationType",
            "customers.email",
            "customers.organizationName",
            "organizations.name",
            "organizations.fallbackName",
            "customers.fields[0].property",
            "customers.fields[0].field",
            "customers.fields[2].type",
            "organizations.fields[1].labels",
            "customers.fields[2].multiValue",
            "customers.fields[2].format");
    Arbitrary<String> containerKeys =
        Arbitraries.of(
            "customers",
            "organizations",
            "customers.displayName",
            "customers.fields",
            "organizations.fields",
            "customers.fields[2].options",
            "customers.fields[2].values");
    Arbitrary<JsonNode> containers =
        Arbitraries.of(JSON.createObjectNode().put("a", 1), JSON.createArrayNode().add(1).add("b"));
    Arbitrary<JsonNode> scalars =
        Arbitraries.oneOf(
            Arbitraries.strings()
                .alpha()
                .ofMinLength(1)
                .ofMaxLength(6)
                .map(s -> (JsonNode) JSON.getNodeFactory().textNode("zz" + s)),
            Arbitraries.integers()
                .between(2, 1000)
                .map(i -> (JsonNode) JSON.getNodeFactory().numberNode(i)));
    return Arbitraries.oneOf(
        Combinators.combine(scalarKeys, containers).as(Tuple::of),
        Combinators.combine(containerKeys, scalars).as(Tuple::of));
  }

  @Property(tries = 1000)
  void aWrongTypeIsAMappingFileErrorNamingTheKey(
      @ForAll("wrongTypes") Tuple.Tuple2<String, JsonNode> wrong, @ForAll boolean json) {
    JsonNode tree = defaultsTree();
    String path = wrong.get1();
    int dot = path.lastIndexOf('.');
    ObjectNode parent = at(tree, dot < 0 ? "" : path.substring(0, dot));
    parent.set(path.substring(dot + 1), wrong.get2());
    String text = render(tree, json);
    assertThatThrownBy(() -> HubSpotMapping.parse(new StringReader(text), NAME, json))
        .as("%s = %s", path, wrong.get2())
        .isInstanceOf(MappingFileException.class)
        .hasMessageStartingWith(NAME)
        .satisfies(e -> assertThat(((MappingFileException) e).key()).startsWith(path));
  }

  @Provide
  Arbitrary<String> mappingish() {
    Arbitrary<String> fragment =
        Arbitraries.oneOf(
            Arbitraries.of(
                "operationType: ",
                "strict: ",
                "timeZone: ",
                "customers:",
                "organizations:",
                "  fields:",
                "\n",
                "  - property: ",
                "    type: ",
                "SELECT",
                "UPSERT",
                "Europe/Paris",
                "+25:00",
                "yes",
                "null",
                "~",
                "[",
                "]",
                "{",
                "}",
                ":",
                "- ",
                "&a",
                "*a",
                "!!int",
                "!!binary",
                "\"",
                "'",
                "#",
                "---",
                "\t",
                "\0",
                "\"operationType\":",
                "\"customers\":{\"fields\":[",
                "%YAML 1.2"),
            Arbitraries.strings().ofMaxLength(5));
    return fragment.list().ofMaxSize(30).map(l -> String.join("", l));
  }

  @Property(tries = 1000)
  void anyTextIsAMappingOrAMappingFileError(
      @ForAll("mappingish") String text, @ForAll boolean json) {
    parseOrRefuse(text, json);
    Statistics.label("outcome")
        .coverage(
            c -> {
              c.check("refused").percentage(p -> p >= 10);
            });
  }

  @Property(tries = 300)
  void anyEditOfTheDefaultsIsAMappingOrAMappingFileError(
      @ForAll("objects") String where,
      @ForAll("editKeys") String key,
      @ForAll("editValues") String value,
      @ForAll boolean json) {
    JsonNode tree = defaultsTree();
    at(tree, where).put(key, value);
    parseOrRefuse(render(tree, json), json);
  }

  /** Edits that keep the mapping valid: each must parse, map a contact and round-trip. */
  @Property(tries = 100)
  void aValidEditOfTheDefaultsParsesAndWorks(
      @ForAll("validEdits") Tuple.Tuple3<String, String, String> edit, @ForAll boolean json) {
    JsonNode tree = defaultsTree();
    at(tree, edit.get1()).put(edit.get2(), edit.get3());
    parseOrRefuse(render(tree, json), json);
    Statistics.label("outcome").coverage(c -> c.check("parsed").percentage(p -> p == 100.0));
  }

  @Provide
  Arbitrary<Tuple.Tuple3<String, String, String>> validEdits() {
    return Arbitraries.of(
        Tuple.of("", "strict", "true"),
        Tuple.of("", "strict", "false"),
        Tuple.of("", "timeZone", "Europe/Paris"),
        Tuple.of("", "timeZone", "UTC"),
        Tuple.of("", "operationType", "UPSERT"),
        Tuple.of("", "operationType", "CREATE"),
        Tuple.of("customers", "email", "work_email"),
        Tuple.of("customers.fields[0]", "field", "Telephone"),
        Tuple.of("organizations", "name", "company_name"));
  }

  /** Values that fit some keys of the defaults, and arbitrary ones. */
  @Provide
  Arbitrary<String> editValues() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "true", "false", "UTC", "Europe/Paris", "UPSERT", "CREATE", "TEXT", "SELECT", "email"),
        mappingish());
  }

  /** Keys the defaults have (so their values are replaced) and arbitrary ones. */
  @Provide
  Arbitrary<String> editKeys() {
    return Arbitraries.oneOf(
        Arbitraries.of("strict", "timeZone", "operationType", "email", "name", "type", "format"),
        mappingish());
  }

  @Example
  void theDefaultsParseFromTheirOwnYamlAndJson() {
    parseOrRefuse(render(defaultsTree(), false), false);
    parseOrRefuse(render(defaultsTree(), true), true);
  }

  // ---------------------------------------------------------------- emails

  /** The guide's pattern, with every Unicode space (and the BOM) counted as a space. */
  static final Pattern GUIDE_EMAIL_UNICODE =
      Pattern.compile("^[^\\s\\p{Z}\\uFEFF@]+@[^\\s\\p{Z}\\uFEFF@]+\\.[^\\s\\p{Z}\\uFEFF@]+$");

  @Provide
  static Arbitrary<String> emails() {
    Arbitrary<String> part =
        Arbitraries.oneOf(
            Arbitraries.strings()
                .alpha()
                .numeric()
                .withChars('.', '-', '+', '_')
                .ofMinLength(1)
                .ofMaxLength(10),
            Arbitraries.of("é", "ü", "中文", "\uD83D\uDE00", "Ω", "ß"),
            Arbitraries.of(
                " ", "\t", "\u00A0", "\u2003", "\u3000", "\u202F", "\u2028", "\uFEFF", "\u1680",
                "\n"),
            Arbitraries.of("@", ".", "@@", ".."),
            Arbitraries.strings().ofMaxLength(3));
    Arbitrary<String> composed = part.list().ofMaxSize(12).map(l -> String.join("", l));
    Arbitrary<String> shaped =
        Combinators.combine(composed, composed, composed).as((a, b, c) -> a + "@" + b + "." + c);
    Arbitrary<String> long_ =
        Combinators.combine(
                Arbitraries.integers().between(1000, 6000), Arbitraries.of("", " ", "\u00A0", "@"))
            .as((n, bad) -> "a".repeat(n) + bad + "@example.com");
    return Arbitraries.frequencyOf(Tuple.of(3, shaped), Tuple.of(2, composed), Tuple.of(1, long_));
  }

  @Property(tries = 1000)
  void aContactWithAnyEmailIsMappedOrRejectedWithAReason(@ForAll("emails") String email) {
    HubSpotContact contact =
        new HubSpotContact(
            "1",
            Map.of("email", email, "firstname", "Ada"),
            List.of(),
            false,
            new SourcePosition("t", 2, 1));
    MappedContact mapped = Mapper.of(HubSpotMapping.defaults()).map(contact);
    String trimmed = email.trim();
    boolean valid = GUIDE_EMAIL_UNICODE.matcher(trimmed).matches();
    assertThat(mapped.operation().isPresent()).as("'%s'", email).isEqualTo(valid);
    if (!valid) {
      assertThat(mapped.rejected()).isTrue();
      assertThat(mapped.rejectionReason()).isNotBlank();
    }
  }

  // ---------------------------------------------------------------- filters

  @Property(tries = 1000)
  void aFilterExpressionParsesOrIsRefusedNamingIt(@ForAll("mappingish") String expression) {
    try {
      RecordFilter f = RecordFilter.parse(expression);
      f.test(
          new HubSpotContact(
              "1", Map.of("email", "a@b.co"), List.of(), false, new SourcePosition("t", 2, 1)));
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).contains(expression);
    }
  }
}
