package io.github.csmkit.hubspot.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * Hostile CRM v3 JSON: truncated pages, wrong types, deep nesting, random text, as pages, arrays
 * and JSON Lines. A bad object is a {@link SourceRecord.Rejected} with its position; a page file
 * that cannot be parsed is a {@link HubSpotSourceException} naming the file and line; nothing else.
 */
class CrmJsonHostileInputPropertiesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private record Outcome(List<SourceRecord<HubSpotContact>> items, HubSpotSourceException error) {}

  private static Outcome read(String text, String suffix) {
    Path file = null;
    try {
      file = Files.createTempFile("hostile", suffix);
      Files.writeString(file, text, StandardCharsets.UTF_8);
      List<SourceRecord<HubSpotContact>> items = new ArrayList<>();
      try (CrmJsonSource<HubSpotContact> source = CrmJsonSource.contacts(file)) {
        for (SourceRecord<HubSpotContact> r : source) {
          items.add(r);
        }
        return new Outcome(items, null);
      } catch (HubSpotSourceException e) {
        assertThat(e.source()).isEqualTo(file.toString());
        assertThat(e.getMessage()).startsWith(file.toString());
        return new Outcome(items, e);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException ignored) {
          // a temp file
        }
      }
    }
  }

  private static long lines(String text) {
    // CR, LF and CRLF each end a line, for BufferedReader and Jackson alike
    return text.replace("\r\n", "\n").chars().filter(c -> c == '\n' || c == '\r').count() + 1;
  }

  private static void checkInvariants(Outcome o, String text) {
    long lines = lines(text);
    if (o.error() != null) {
      assertThat(o.error().line()).as(o.error().getMessage()).isBetween(1L, lines + 1);
      assertThat(o.error().getMessage()).contains(":" + o.error().line() + ": ");
    }
    long number = 0;
    long previousLine = 0;
    for (SourceRecord<HubSpotContact> r : o.items()) {
      assertThat(r.position().record()).isEqualTo(++number);
      assertThat(r.position().line()).isBetween(Math.max(1, previousLine), lines);
      previousLine = r.position().line();
      if (r instanceof SourceRecord.Rejected<HubSpotContact> bad) {
        assertThat(bad.reason()).isNotBlank();
      } else {
        assertThat(((SourceRecord.Parsed<HubSpotContact>) r).value().id()).isNotBlank();
      }
    }
  }

  // ---------------------------------------------------------------- objects with a known fate

  /** One results entry and whether it must parse. */
  private record Entry(JsonNode node, boolean good) {}

  private static Arbitrary<JsonNode> scalar() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(10).map(NODES::textNode),
        Arbitraries.integers().map(NODES::numberNode),
        Arbitraries.doubles().map(NODES::numberNode),
        Arbitraries.of(NODES.booleanNode(true), NODES.booleanNode(false), NODES.nullNode()));
  }

  private static Arbitrary<JsonNode> anyValue() {
    Arbitrary<JsonNode> array =
        scalar().list().ofMaxSize(3).map(l -> (JsonNode) NODES.arrayNode().addAll(l));
    Arbitrary<JsonNode> object =
        Arbitraries.maps(
                Arbitraries.of("id", "a", "results", "companies"),
                Arbitraries.oneOf(scalar(), array))
            .ofMaxSize(3)
            .map(
                m -> {
                  ObjectNode o = NODES.objectNode();
                  m.forEach(o::set);
                  return (JsonNode) o;
                });
    return Arbitraries.frequencyOf(Tuple.of(3, scalar()), Tuple.of(1, array), Tuple.of(1, object));
  }

  private static Arbitrary<JsonNode> goodId() {
    return Arbitraries.oneOf(
        Arbitraries.strings()
            .ofMinLength(1)
            .ofMaxLength(10)
            .filter(s -> !s.isBlank())
            .map(NODES::textNode),
        Arbitraries.longs().map(NODES::numberNode));
  }

  private static Arbitrary<JsonNode> badId() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            NODES.textNode(""),
            NODES.textNode("  "),
            NODES.booleanNode(true),
            NODES.nullNode(),
            NODES.numberNode(1.5),
            NODES.objectNode(),
            NODES.arrayNode().add("1")));
  }

  private static Arbitrary<Entry> entry() {
    Arbitrary<JsonNode> properties =
        Arbitraries.maps(
                Arbitraries.of("email", "firstname", "associatedcompanyid", "x"), anyValue())
            .ofMaxSize(4)
            .map(
                m -> {
                  ObjectNode o = NODES.objectNode();
                  m.forEach(o::set);
                  return (JsonNode) o;
                });
    Arbitrary<JsonNode> badProperties =
        Arbitraries.oneOf(
            scalar().filter(n -> !n.isNull()),
            anyValue().list().ofMaxSize(2).map(l -> NODES.arrayNode().addAll(l)));
    Arbitrary<Entry> good =
        Combinators.combine(
                goodId(),
                properties.injectNull(0.2),
                anyValue().injectNull(0.5),
                anyValue().injectNull(0.5))
            .as(
                (id, props, associations, archived) -> {
                  ObjectNode o = NODES.objectNode();
                  o.set("id", id);
                  if (props != null) {
                    o.set("properties", props);
                  }
                  if (associations != null) {
                    o.set("associations", associations);
                  }
                  if (archived != null) {
                    o.set("archived", archived);
                  }
                  return new Entry(o, true);
                });
    Arbitrary<Entry> noId =
        Combinators.combine(badId().injectNull(0.3), properties)
            .as(
                (id, props) -> {
                  ObjectNode o = NODES.objectNode();
                  if (id != null) {
                    o.set("id", id);
                  }
                  o.set("properties", props);
                  return new Entry(o, false);
                });
    Arbitrary<Entry> wrongProperties =
        Combinators.combine(goodId(), badProperties)
            .as(
                (id, props) -> {
                  ObjectNode o = NODES.objectNode();
                  o.set("id", id);
                  o.set("properties", props);
                  return new Entry(o, false);
                });
    Arbitrary<Entry> notAnObject =
        Arbitraries.oneOf(
                scalar(),
                anyValue().list().ofMaxSize(2).map(l -> (JsonNode) NODES.arrayNode().addAll(l)))
            .map(n -> new Entry(n, false));
    return Arbitraries.frequencyOf(
        Tuple.of(4, good),
        Tuple.of(2, noId),
        Tuple.of(2, wrongProperties),
        Tuple.of(1, notAnObject));
  }

  private enum Layout {
    PAGES_PRETTY,
    PAGES_ONE_PER_LINE_JSONL,
    ARRAY,
    ENTRIES_JSONL
  }

  @Provide
  Arbitrary<List<List<Entry>>> pages() {
    return entry().list().ofMaxSize(6).list().ofMinSize(1).ofMaxSize(4);
  }

  private static String write(List<List<Entry>> pages, Layout layout, boolean bom) {
    StringBuilder out = new StringBuilder(bom ? "\uFEFF" : "");
    try {
      switch (layout) {
        case PAGES_PRETTY, PAGES_ONE_PER_LINE_JSONL -> {
          int n = 0;
          for (List<Entry> page : pages) {
            ObjectNode p = NODES.objectNode();
            ArrayNode results = p.putArray("results");
            page.forEach(e -> results.add(e.node()));
            p.putObject("paging").putObject("next").put("after", String.valueOf(++n));
            out.append(
                    layout == Layout.PAGES_PRETTY
                        ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(p)
                        : JSON.writeValueAsString(p))
                .append('\n');
          }
        }
        case ARRAY -> {
          ArrayNode all = NODES.arrayNode();
          pages.forEach(page -> page.forEach(e -> all.add(e.node())));
          out.append(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(all));
        }
        case ENTRIES_JSONL -> {
          for (List<Entry> page : pages) {
            for (Entry e : page) {
              out.append(JSON.writeValueAsString(e.node())).append('\n');
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static String suffix(Layout layout) {
    return layout == Layout.PAGES_PRETTY || layout == Layout.ARRAY ? ".json" : ".jsonl";
  }

  @Property(tries = 1000)
  void everyResultIsParsedOrRejectedInOrder(
      @ForAll("pages") List<List<Entry>> pages, @ForAll Layout layout, @ForAll boolean bom) {
    List<Entry> entries = pages.stream().flatMap(List::stream).toList();
    if (layout == Layout.ARRAY) {
      // a bare array inside the top-level array is ambiguous with the array itself: only objects
      // here
      entries = entries.stream().filter(e -> !e.node().isArray()).toList();
      pages = List.of(entries);
    }
    String text = write(pages, layout, bom);
    Outcome o = read(text, suffix(layout));
    assertThat(o.error()).as("a well-formed file").isNull();
    checkInvariants(o, text);
    assertThat(o.items()).as("one item per result, none dropped").hasSize(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      SourceRecord<HubSpotContact> item = o.items().get(i);
      if (e.good()) {
        assertThat(item).as("%s", e.node()).isInstanceOf(SourceRecord.Parsed.class);
        assertThat(((SourceRecord.Parsed<HubSpotContact>) item).value().id())
            .isEqualTo(e.node().get("id").asText());
      } else {
        assertThat(item).as("%s", e.node()).isInstanceOf(SourceRecord.Rejected.class);
      }
    }
  }

  @Property(tries = 1000)
  void aTruncatedFileIsReadUpToTheCutOrRefusedWithItsLine(
      @ForAll("pages") List<List<Entry>> pages,
      @ForAll Layout layout,
      @ForAll @IntRange(min = 0, max = 1000) int cutPerMille) {
    String text = write(pages, layout, false);
    String cut = text.substring(0, (int) ((long) text.length() * cutPerMille / 1000));
    Outcome o = read(cut, suffix(layout));
    checkInvariants(o, cut);
    if (layout == Layout.ENTRIES_JSONL || layout == Layout.PAGES_ONE_PER_LINE_JSONL) {
      assertThat(o.error()).as("JSON Lines recover from a broken line").isNull();
    }
  }

  @Provide
  Arbitrary<String> jsonish() {
    Arbitrary<String> fragment =
        Arbitraries.oneOf(
            Arbitraries.of(
                "{",
                "}",
                "[",
                "]",
                ":",
                ",",
                "\"",
                "\"results\"",
                "\"id\"",
                "\"properties\"",
                "\"ok\"",
                "\"data\"",
                "\"paging\"",
                "1",
                "-0.5e9",
                "true",
                "null",
                "\n",
                "\r\n",
                " ",
                "\uFEFF",
                "\\",
                "\\u12",
                "\0",
                "{\"id\":\"1\"}",
                "{\"results\":[",
                "\"associations\":{\"companies\":{\"results\":[{\"id\":"),
            Arbitraries.strings().ofMaxLength(5));
    return fragment.list().ofMaxSize(40).map(l -> String.join("", l));
  }

  @Property(tries = 1000)
  void anyTextIsReadOrRefusedWithItsLine(
      @ForAll("jsonish") String text, @ForAll boolean jsonLines) {
    checkInvariants(read(text, jsonLines ? ".jsonl" : ".json"), text);
  }

  @Property(tries = 1000)
  void deepNestingIsRejectedOrRefusedNotAStackOverflow(
      @ForAll @IntRange(min = 1, max = 2500) int depth,
      @ForAll boolean inArrays,
      @ForAll Layout layout) {
    String open = inArrays ? "[" : "{\"a\":";
    String close = inArrays ? "]" : "}";
    String deep = open.repeat(depth) + "1" + close.repeat(depth);
    String entry = "{\"id\":\"1\",\"properties\":{\"x\":" + deep + "}}";
    String text =
        switch (layout) {
          case PAGES_PRETTY, PAGES_ONE_PER_LINE_JSONL ->
              "{\"results\":[" + entry + "," + deep + "]}\n";
          case ARRAY -> "[" + entry + "]";
          case ENTRIES_JSONL -> entry + "\n" + deep + "\n{\"id\":\"2\"}\n";
        };
    Outcome o = read(text, suffix(layout));
    checkInvariants(o, text);
    if (layout == Layout.ENTRIES_JSONL) {
      assertThat(o.error()).isNull();
      assertThat(o.items()).hasSize(3);
      assertThat(o.items().get(2)).isInstanceOf(SourceRecord.Parsed.class);
    }
  }

  private static Outcome readBytes(byte[] bytes, String suffix) {
    Path file = null;
    try {
      file = Files.createTempFile("hostile", suffix);
      Files.write(file, bytes);
      List<SourceRecord<HubSpotContact>> items = new ArrayList<>();
      try (CrmJsonSource<HubSpotContact> source = CrmJsonSource.contacts(file)) {
        for (SourceRecord<HubSpotContact> r : source) {
          items.add(r);
        }
        return new Outcome(items, null);
      } catch (HubSpotSourceException e) {
        assertThat(e.source()).isEqualTo(file.toString());
        return new Outcome(items, e);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (file != null) {
        file.toFile().delete();
      }
    }
  }

  @Property(tries = 1000)
  void aByteThatIsNotUtf8IsRefusedAtItsLine(
      @ForAll @IntRange(min = 1, max = 40) int count,
      @ForAll @IntRange(min = 0, max = 400) int width,
      @ForAll boolean pages,
      @ForAll java.util.Random random) {
    int badLine = 1 + random.nextInt(count);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (int i = 1; i <= count; i++) {
      String entry =
          "{\"id\":\""
              + i
              + "\",\"properties\":{\"firstname\":\""
              + "é".repeat(random.nextInt(width + 1))
              + "x\"}}";
      String line = pages ? "{\"results\":[" + entry + "]}" : entry;
      byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
      if (i == badLine) {
        // what follows the "x" is ASCII: count its byte index from the end
        bytes[bytes.length - (line.length() - line.indexOf("x\"}}"))] = (byte) 0xFF;
      }
      out.writeBytes(bytes);
      out.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
    }
    Outcome o = readBytes(out.toByteArray(), pages ? ".json" : ".jsonl");
    assertThat(o.error()).isNotNull();
    assertThat(o.error().getMessage())
        .containsAnyOf("UTF-8", "Malformed")
        .doesNotContain("cannot open");
    if (!pages) {
      assertThat(o.error().line()).as("the line of the bad byte").isEqualTo(badLine);
      assertThat(o.items()).hasSize(badLine - 1);
    } else {
      assertThat(o.error().line()).as("the line of the bad byte").isBetween(1L, (long) badLine);
    }
  }

  @Example
  void aBadByteOnTheSecondJsonLineIsReportedThereAfterTheFirstRecord() {
    // found by aByteThatIsNotUtf8IsRefusedAtItsLine: the read-ahead decoder failed while the first
    // line was read, so the file error said line 1 and the good first record was lost
    byte[] bytes = "{\"id\":\"1\"}\n{\"id\":\"2x\"}\n".getBytes(StandardCharsets.UTF_8);
    bytes[19] = (byte) 0xFF;
    Outcome o = readBytes(bytes, ".jsonl");
    assertThat(o.error()).isNotNull();
    assertThat(o.error().line()).isEqualTo(2);
    assertThat(o.error().getMessage()).contains("not UTF-8 text");
    assertThat(o.items()).hasSize(1);
  }

  @Example
  void aBadByteOnTheFirstLineOfAJsonFileIsNotACannotOpen() {
    byte[] bytes = "{\"results\":[{\"id\":\"1x\"}]}\n".getBytes(StandardCharsets.UTF_8);
    bytes[20] = (byte) 0xFF;
    Outcome o = readBytes(bytes, ".json");
    assertThat(o.error()).isNotNull();
    assertThat(o.error().line()).isEqualTo(1);
    assertThat(o.error().getMessage()).contains("not UTF-8 text").doesNotContain("cannot open");
  }

  @Example
  void aNestingDepthPastTheParserLimitNamesTheLine() {
    // found by deepNestingIsRejectedOrRefusedNotAStackOverflow: the constraint error had no
    // location,
    // so the file error said line 0
    String text = "{\"results\":[\n" + "[".repeat(1001) + "]".repeat(1001) + "]}";
    Outcome o = read(text, ".json");
    assertThat(o.error()).isNotNull();
    assertThat(o.error().line()).isEqualTo(2);
    assertThat(o.error().getMessage()).contains(":2: ").contains("nesting depth");
  }

  @Example
  void aLoneCarriageReturnEndsALine() {
    String text = "\r{";
    checkInvariants(read(text, ".jsonl"), text);
    checkInvariants(read(text, ".json"), text);
  }

  @Example
  void aHugeStringValueIsRead() {
    String huge = "h".repeat(4_000_000);
    Outcome o =
        read(
            "{\"results\":[{\"id\":\"1\",\"properties\":{\"firstname\":\"" + huge + "\"}}]}",
            ".json");
    checkInvariants(o, "");
    if (o.error() == null) {
      assertThat(o.items()).hasSize(1);
    }
  }
}
