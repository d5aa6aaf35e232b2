package io.github.csmkit.client.model;

import static io.github.csmkit.client.model.ModelAssertions.assertJson;
import static io.github.csmkit.client.model.ModelAssertions.assertViolation;
import static io.github.csmkit.client.model.ModelAssertions.single;
import static io.github.csmkit.client.model.ModelAssertions.violations;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.csmkit.client.error.Violation;
import io.github.csmkit.client.error.Violation.Rule;
import io.github.csmkit.client.internal.WireWriter;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Detail-field definitions: every type, the options rules and the batch rules. */
class DetailFieldBatchTest {
  private static List<String> options(int n) {
    return IntStream.range(0, n).mapToObj(i -> "O" + i).toList();
  }

  @Test
  void everyTypeIsSentWithItsOptions() {
    DetailFieldBatch batch =
        DetailFieldBatch.of(
            List.of(
                DetailFieldDefinition.of("Notes", DetailFieldType.text()),
                DetailFieldDefinition.of("Seats", DetailFieldType.number()),
                DetailFieldDefinition.of("Renewal", DetailFieldType.date()),
                DetailFieldDefinition.of("Billing email", DetailFieldType.email()),
                DetailFieldDefinition.of("Phone", DetailFieldType.phone()),
                DetailFieldDefinition.of("Website", DetailFieldType.url()),
                DetailFieldDefinition.of("Support Tier", DetailFieldType.select("Gold", "Silver")),
                DetailFieldDefinition.of("Region", DetailFieldType.select(List.of("AU", "EU"))),
                DetailFieldDefinition.of("Products", DetailFieldType.multiSelect("A", "B")),
                DetailFieldDefinition.of(
                    "Channels", DetailFieldType.multiSelect(List.of("Mail")))));
    assertJson(
        WireWriter.write(batch),
        """
        {"detailFields":[
          {"name":"Notes","type":{"name":"TEXT"}},
          {"name":"Seats","type":{"name":"NUMBER"}},
          {"name":"Renewal","type":{"name":"DATE"}},
          {"name":"Billing email","type":{"name":"EMAIL"}},
          {"name":"Phone","type":{"name":"PHONE"}},
          {"name":"Website","type":{"name":"URL"}},
          {"name":"Support Tier","type":{"name":"SELECT","options":["Gold","Silver"]}},
          {"name":"Region","type":{"name":"SELECT","options":["AU","EU"]}},
          {"name":"Products","type":{"name":"MULTISELECT","options":["A","B"]}},
          {"name":"Channels","type":{"name":"MULTISELECT","options":["Mail"]}}]}
        """);
    assertThat(batch.items()).isSameAs(batch.definitions());
    assertThat(batch.definitions())
        .extracting(d -> d.type().isSelect())
        .containsExactly(false, false, false, false, false, false, true, true, true, true);
    assertThat(batch.definitions().get(0).keys()).containsExactly("Notes");
  }

  @Test
  void selectTypesNeedOneToFiftyOptionsAndOthersNone() {
    assertViolation(
        single(
            () ->
                DetailFieldBatch.of(
                    List.of(DetailFieldDefinition.of("Tier", DetailFieldType.select())))),
        0,
        "type.options",
        Rule.OPTIONS,
        "SELECT needs at least one option");
    assertViolation(
        single(
            () ->
                DetailFieldBatch.of(
                    List.of(
                        DetailFieldDefinition.of("Ok", DetailFieldType.text()),
                        DetailFieldDefinition.of("Tags", DetailFieldType.multiSelect(List.of()))))),
        1,
        "type.options",
        Rule.OPTIONS,
        "MULTISELECT needs at least one option");
    assertThat(DetailFieldDefinition.of("Fifty", DetailFieldType.select(options(50))).violations())
        .isEmpty();
    assertViolation(
        single(
            () ->
                DetailFieldBatch.of(
                    List.of(
                        DetailFieldDefinition.of(
                            "Many", DetailFieldType.multiSelect(options(51)))))),
        0,
        "type.options",
        Rule.OPTIONS,
        "at most 50 options, this one has 51");
    assertViolation(
        single(
            () ->
                DetailFieldBatch.of(
                    List.of(
                        DetailFieldDefinition.of(
                            "Notes",
                            DetailFieldType.builder().name("TEXT").addOptions("x").build())))),
        0,
        "type.options",
        Rule.OPTIONS,
        "TEXT takes no options");
  }

  @Test
  void aDefinitionNeedsAName() {
    assertViolation(
        single(
            () ->
                DetailFieldBatch.of(
                    List.of(DetailFieldDefinition.of("  ", DetailFieldType.text())))),
        0,
        "name",
        Rule.NAME_REQUIRED,
        "a detail field needs a name");
  }

  @Test
  void anUnknownTypeNameIsKeptAsItIs() {
    DetailFieldType custom = DetailFieldType.of("RATING");
    assertThat(custom.isSelect()).isFalse();
    assertJson(
        WireWriter.write(DetailFieldBatch.of(List.of(DetailFieldDefinition.of("Stars", custom)))),
        "{\"detailFields\":[{\"name\":\"Stars\",\"type\":{\"name\":\"RATING\"}}]}");
  }

  @Test
  void namesMustNotRepeatAndAtMostFiftyFit() {
    List<Violation> all =
        violations(
            () ->
                DetailFieldBatch.of(
                    List.of(
                        DetailFieldDefinition.of("Support Tier", DetailFieldType.text()),
                        DetailFieldDefinition.of("support tier ", DetailFieldType.number()))));
    assertThat(all).hasSize(1);
    assertViolation(
        all.get(0), 1, "name", Rule.DUPLICATE_NAME, "'support tier ' is already used by item 0");
    assertThat(
            DetailFieldBatch.of(
                    IntStream.range(0, 50)
                        .mapToObj(i -> DetailFieldDefinition.of("F" + i, DetailFieldType.text()))
                        .toList())
                .items())
        .hasSize(50);
    assertViolation(
        single(
            () ->
                DetailFieldBatch.of(
                    IntStream.range(0, 51)
                        .mapToObj(i -> DetailFieldDefinition.of("F" + i, DetailFieldType.text()))
                        .toList())),
        50,
        "items",
        Rule.MAX_ITEMS,
        "a batch holds at most 50 items, this one has 51");
    assertViolation(
        single(() -> DetailFieldBatch.of(List.of())),
        -1,
        "items",
        Rule.NOT_EMPTY,
        "a batch needs at least one item");
  }
}
