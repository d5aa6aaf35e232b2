package io.github.csmkit.hubspot.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.csmkit.client.model.DetailFieldType;
import java.io.StringReader;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A mapping CSM would refuse is refused when it is loaded, before any request (issue 16, item 8):
 * each of these loaded without complaint before.
 */
class MappingValidationTest {
  private static HubSpotMapping yaml(String text) {
    return HubSpotMapping.parse(new StringReader(text), "mapping.yaml", false);
  }

  @Test
  void aSelectFieldWithMoreThanFiftyOptionsIsRefusedWithItsKey() {
    String options =
        IntStream.rangeClosed(1, 60)
            .mapToObj(i -> "      - O" + i)
            .collect(Collectors.joining("\n"));
    assertThatThrownBy(
            () ->
                yaml(
                    """
                    customers:
                      fields:
                        - property: region
                          field: Region
                          type: SELECT
                          options:
                    """
                        + options
                        + "\n"))
        .isInstanceOf(MappingFileException.class)
        .hasMessageContaining("customers.fields[0]")
        .hasMessageContaining("Region")
        .hasMessageContaining("50");
    String fifty =
        IntStream.rangeClosed(1, 50)
            .mapToObj(i -> "      - O" + i)
            .collect(Collectors.joining("\n"));
    assertThat(
            yaml("customers:\n  fields:\n    - property: region\n      field: Region\n"
                    + "      type: SELECT\n      options:\n"
                    + fifty.replace("      -", "        -")
                    + "\n")
                .customerFields()
                .get(0)
                .type()
                .options())
        .hasSize(50);
  }

  @Test
  void twoFieldsWhoseNamesDifferOnlyInCaseAreRefused() {
    assertThatThrownBy(
            () ->
                yaml(
                    """
                    customers:
                      fields:
                        - property: phone
                          field: Phone
                        - property: mobilephone
                          field: phone
                    """))
        .isInstanceOf(MappingFileException.class)
        .hasMessageContaining("customers.fields[1]")
        .hasMessageContaining("'phone' is mapped twice")
        .hasMessageContaining("ignoring case");
    assertThatThrownBy(
            () ->
                HubSpotMapping.builder()
                    .addOrganizationField(PropertyMapping.text("website", "Web"))
                    .addOrganizationField(PropertyMapping.text("domain", "WEB"))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("organizations: detail field 'WEB' is mapped twice");
  }

  @Test
  void moreThanFiftyFieldsAnEntityAreRefused() {
    HubSpotMapping.Builder b = HubSpotMapping.builder();
    for (int i = 1; i <= 51; i++) {
      b.addCustomerField(PropertyMapping.text("p" + i, "Field " + i));
    }
    assertThatThrownBy(b::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("customers: 51 detail fields, more than the 50 CSM allows an entity");
    b.clearCustomerFields();
    for (int i = 1; i <= 50; i++) {
      b.addCustomerField(PropertyMapping.text("p" + i, "Field " + i));
    }
    assertThat(b.build().customerFieldDefinitions()).hasSize(50);
  }

  @Test
  void aDuplicateKeyIsRefusedWithItsLineInYamlAndJson() {
    assertThatThrownBy(() -> yaml("strict: true\noperationType: CREATE\nstrict: false\n"))
        .isInstanceOf(MappingFileException.class)
        .hasMessageContaining("mapping.yaml:3")
        .hasMessageContaining("strict");
    assertThatThrownBy(
            () ->
                HubSpotMapping.parse(
                    new StringReader(
                        "{\"customers\":{\"email\":\"email\",\n\"email\":\"work_email\"}}"),
                    "mapping.json",
                    true))
        .isInstanceOf(MappingFileException.class)
        .hasMessageContaining("mapping.json:2")
        .hasMessageContaining("email");
  }

  @Test
  void theDefaultsPass() {
    assertThat(HubSpotMapping.defaults().customerFields()).hasSize(4);
    assertThat(DetailFieldType.MAX_OPTIONS).isEqualTo(50);
  }
}
