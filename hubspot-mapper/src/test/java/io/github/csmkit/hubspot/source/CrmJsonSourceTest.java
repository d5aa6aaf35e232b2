package io.github.csmkit.hubspot.source;

import static io.github.csmkit.hubspot.source.Fixtures.all;
import static io.github.csmkit.hubspot.source.Fixtures.fixture;
import static io.github.csmkit.hubspot.source.Fixtures.parsed;
import static io.github.csmkit.hubspot.source.Fixtures.rejected;
import static io.github.csmkit.hubspot.source.Fixtures.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrmJsonSourceTest {
  @Test
  void readsListPagesFromSeveralFiles() {
    List<SourceRecord<HubSpotContact>> items =
        all(CrmJsonSource.contacts(fixture("contacts-page1.json"), fixture("contacts-page2.json")));
    List<HubSpotContact> contacts = parsed(items);
    assertThat(contacts).extracting(HubSpotContact::id).containsExactly("512", "513", "514");
    HubSpotContact bryan = contacts.get(0);
    assertThat(bryan.properties())
        .containsEntry("email", "bcooper@biglytics.net")
        .containsEntry("hs_lead_status", "OPEN")
        .doesNotContainKey("phone");
    assertThat(bryan.associatedCompanyIds()).containsExactly("29846388244");
    assertThat(bryan.position().line()).isEqualTo(3);
    assertThat(contacts.get(1).archived()).isTrue();
    assertThat(contacts.get(2).associatedCompanyIds()).containsExactly("77");
    assertThat(contacts.get(2).position().source()).endsWith("contacts-page2.json");
    assertThat(rejected(items))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.reason()).contains("no \"id\"");
              assertThat(r.position().record()).isEqualTo(2);
              assertThat(r.excerpt()).contains("noid@example.com");
            });
  }

  @Test
  void readsJsonLinesAndRejectsABrokenLine() {
    List<SourceRecord<HubSpotContact>> items =
        all(CrmJsonSource.contacts(fixture("contacts.jsonl")));
    assertThat(parsed(items)).extracting(HubSpotContact::id).containsExactly("601", "603");
    assertThat(rejected(items))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.position().line()).isEqualTo(3);
              assertThat(r.reason()).contains("not valid JSON");
            });
  }

  @Test
  void aBrokenPageFileFailsWithFileAndLine() {
    assertThatThrownBy(() -> all(CrmJsonSource.contacts(fixture("broken.json"))))
        .isInstanceOf(HubSpotSourceException.class)
        .hasMessageContaining("broken.json:1");
  }

  @Test
  void anEmptyJsonFileIsAnErrorAsAnEmptyCsvIs() throws Exception {
    // before: 0 records and exit 0
    java.nio.file.Path dir = Files.createTempDirectory("empty-json");
    for (String text : List.of("", "  \n\n")) {
      java.nio.file.Path empty = Files.writeString(dir.resolve("contacts.json"), text);
      assertThatThrownBy(() -> all(CrmJsonSource.contacts(empty)))
          .isInstanceOf(HubSpotSourceException.class)
          .hasMessageContaining("contacts.json:1")
          .hasMessageContaining("empty file");
    }
  }

  @Test
  void streamClosesTheSource() {
    CrmJsonSource<HubSpotCompany> source = CrmJsonSource.companies(fixture("contacts-page2.json"));
    try (var s = source.stream()) {
      assertThat(s.count()).isEqualTo(1);
    }
    assertThatThrownBy(source::iterator).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void readsHubSpotSpecExamples() {
    List<HubSpotCompany> companies =
        parsed(
            all(
                CrmJsonSource.companies(
                    sample("spec-examples/company.SimplePublicObject.example.json"))));
    assertThat(companies)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.id()).isEqualTo("512");
              assertThat(c.name()).contains("Biglytics");
              assertThat(c.properties()).containsEntry("domain", "biglytics.net");
            });
    List<HubSpotContact> contacts =
        parsed(
            all(
                CrmJsonSource.contacts(
                    sample("spec-examples/contact.SimplePublicObject.example.json"))));
    assertThat(contacts)
        .singleElement()
        .satisfies(c -> assertThat(c.email()).contains("bcooper@biglytics.net"));
    List<HubSpotContact> formats =
        parsed(
            all(
                CrmJsonSource.contacts(
                    sample(
                        "spec-examples/object.SimplePublicObject.property-value-formats.example.json"))));
    assertThat(formats.get(0).properties())
        .containsEntry("property_multiple_checkboxes", "chocolate;strawberry")
        .containsEntry("property_date", "1572480000000");
  }

  @Test
  void loadsRealPropertyDefinitionsIntoACatalog() throws Exception {
    PropertyCatalog contacts =
        PropertyCatalog.load(
            sample(
                "property-definitions/contacts-properties.get-crm-v3-properties-contacts.wrapped.json"));
    assertThat(contacts.size()).isEqualTo(355);
    assertThat(contacts.byName("lifecyclestage").orElseThrow().options())
        .extracting(PropertyOption::value)
        .contains("subscriber", "marketingqualifiedlead", "customer", "evangelist");
    assertThat(
            contacts.byName("hs_lead_status").orElseThrow().valueForLabel("Attempted to Contact"))
        .contains("ATTEMPTED_TO_CONTACT");
    assertThat(contacts.byLabel("Lead Status").map(PropertyDefinition::name))
        .contains("hs_lead_status");
    PropertyCatalog companies =
        PropertyCatalog.load(
            sample(
                "property-definitions/companies-properties.get-crm-v3-properties-companies.wrapped.json"));
    assertThat(companies.byName("industry").orElseThrow().options()).hasSize(148);
    assertThat(companies.byName("industry").orElseThrow().labelForValue("COMPUTER_SOFTWARE"))
        .contains("Computer Software");
    // the plain (unwrapped) form reads the same
    try (InputStream in = Files.newInputStream(fixture("properties-plain.json"))) {
      PropertyCatalog plain = PropertyCatalog.parse(in, "plain");
      assertThat(plain.byName("tier").orElseThrow().valueForLabel("gold")).contains("GOLD");
    }
  }

  @Test
  void aCatalogThatIsNotAPropertiesResponseFails() {
    assertThatThrownBy(
            () ->
                PropertyCatalog.parse(
                    new java.io.ByteArrayInputStream("{\"foo\":1}".getBytes()), "foo.json"))
        .isInstanceOf(HubSpotSourceException.class)
        .hasMessageContaining("expected a properties response");
    assertThatThrownBy(() -> PropertyCatalog.load(fixture("broken.json")))
        .isInstanceOf(HubSpotSourceException.class)
        .hasMessageContaining("broken.json:1");
  }
}
