package io.github.csmkit.hubspot.source;

import static io.github.csmkit.hubspot.source.Fixtures.all;
import static io.github.csmkit.hubspot.source.Fixtures.fixture;
import static io.github.csmkit.hubspot.source.Fixtures.parsed;
import static io.github.csmkit.hubspot.source.Fixtures.rejected;
import static io.github.csmkit.hubspot.source.Fixtures.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvExportSourceTest {
  @Test
  void readsLabelHeadersWithBomCrlfQuotedNewlinesAndRejectsBadRowsWithTheirLine() {
    List<SourceRecord<HubSpotContact>> items =
        all(CsvExportSource.contacts(fixture("contacts-labels.csv")));
    List<HubSpotContact> contacts = parsed(items);
    assertThat(contacts)
        .extracting(HubSpotContact::id)
        .containsExactly("101", "102", "103", "104", "107");

    HubSpotContact ada = contacts.get(0);
    assertThat(ada.properties())
        .containsEntry("email", "ada@example.com")
        .containsEntry("firstname", "Ada")
        .containsEntry("phone", "+1-555-0101")
        .containsEntry("lifecyclestage", "customer")
        .containsEntry("hs_lead_status", "IN_PROGRESS")
        .containsEntry("company", "Acme Corporation")
        .containsEntry("createdate", "2024-03-05 14:07");
    assertThat(ada.associatedCompanyIds()).containsExactly("9001");
    assertThat(ada.position())
        .isEqualTo(new SourcePosition(fixture("contacts-labels.csv").toString(), 2, 1));

    assertThat(contacts.get(1).associatedCompanyIds()).containsExactly("9002", "9001");
    assertThat(contacts.get(1).properties()).doesNotContainKey("phone");
    assertThat(contacts.get(2).properties())
        .containsEntry("lifecyclestage", "marketingqualifiedlead");
    assertThat(contacts.get(3).properties()).containsEntry("company", "Acme \"Quoted\"\nCorp");
    // the quoted line break makes record 104 two lines long: 107 starts on line 9
    assertThat(contacts.get(4).position().line()).isEqualTo(9);

    List<SourceRecord.Rejected<HubSpotContact>> bad = rejected(items);
    assertThat(bad).hasSize(2);
    assertThat(bad.get(0).position().line()).isEqualTo(7);
    assertThat(bad.get(0).reason()).contains("expected 11 cells, found 4");
    assertThat(bad.get(0).excerpt()).isEqualTo("\"105\",\"Too\",\"Few\",\"few@example.com\"");
    assertThat(bad.get(1).position().line()).isEqualTo(8);
    assertThat(bad.get(1).reason()).contains("unbalanced quote");
  }

  @Test
  void aRowLongerThanTheLimitIsRejectedAtItsLineAndTheNextRowsAreRead() {
    String huge = "x".repeat(CsvExportSource.MAX_RECORD_CHARS + 1);
    String csv =
        "Record ID,Email,First Name\n"
            + "1,a@example.com,Ada\n"
            + "2,b@example.com,"
            + huge
            + "\n"
            + "3,c@example.com,\""
            + huge
            + "\"\n"
            + "4,d@example.com,Dan\n";
    List<SourceRecord<HubSpotContact>> items =
        all(CsvExportSource.contacts(new StringReader(csv), "big.csv", PropertyCatalog.empty()));
    assertThat(parsed(items)).extracting(HubSpotContact::id).containsExactly("1", "4");
    assertThat(rejected(items))
        .hasSize(2)
        .allSatisfy(
            r -> {
              assertThat(r.reason()).contains("longer than " + CsvExportSource.MAX_RECORD_CHARS);
              assertThat(r.excerpt().length()).isLessThan(1000);
            })
        .extracting(r -> r.position().line())
        .containsExactly(3L, 4L);
  }

  @Test
  void unterminatedQuoteRejectsItsLineAndRereadsTheLinesItSwallowed() {
    List<SourceRecord<HubSpotContact>> items =
        all(CsvExportSource.contacts(fixture("unterminated.csv")));
    assertThat(parsed(items)).extracting(HubSpotContact::id).containsExactly("1", "3", "4");
    assertThat(rejected(items))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.position().line()).isEqualTo(3);
              assertThat(r.reason()).contains("never closed");
            });
  }

  @Test
  void detectsInternalNameHeaders() {
    List<HubSpotContact> contacts =
        parsed(all(CsvExportSource.contacts(fixture("contacts-internal.csv"))));
    assertThat(contacts).hasSize(2);
    assertThat(contacts.get(0).properties())
        .containsEntry("hs_lead_status", "OPEN")
        .containsEntry("lifecyclestage", "customer");
    assertThat(contacts.get(0).associatedCompanyIds()).containsExactly("9001");
    assertThat(contacts.get(1).properties())
        .containsOnlyKeys("hs_object_id", "email", "firstname", "lifecyclestage");
  }

  @Test
  void companiesTranslateBooleansAndKeepUnknownLabels() {
    List<HubSpotCompany> companies =
        parsed(all(CsvExportSource.companies(fixture("companies-labels.csv"))));
    assertThat(companies).hasSize(2);
    assertThat(companies.get(0).properties())
        .containsEntry("name", "Acme Corporation")
        .containsEntry("domain", "acme.example.com")
        .containsEntry("numberofemployees", "500.0")
        .containsEntry("type", "PARTNER")
        .containsEntry("is_public", "true")
        // industry labels need the portal's catalog; without it the label is kept
        .containsEntry("industry", "Manufacturing");
    PropertyCatalog catalog =
        PropertyCatalog.empty()
            .with(
                PropertyDefinition.enumeration(
                    "industry", "Industry", "COMPUTER_SOFTWARE", "Computer Software"));
    List<HubSpotCompany> withCatalog =
        parsed(all(CsvExportSource.companies(fixture("companies-labels.csv"), catalog)));
    assertThat(withCatalog.get(1).properties()).containsEntry("industry", "COMPUTER_SOFTWARE");
  }

  @Test
  void callerCatalogOverridesHeaderLabels() {
    String csv =
        "\"Record ID\",\"E-mail address\",\"Tier\"\n\"1\",\"x@example.com\",\"Gold Plus\"\n";
    PropertyCatalog catalog =
        PropertyCatalog.empty()
            .with(PropertyDefinition.text("email", "E-mail address"))
            .with(PropertyDefinition.enumeration("tier", "Tier", "gold_plus", "Gold Plus"));
    List<HubSpotContact> c =
        parsed(all(CsvExportSource.contacts(new StringReader(csv), "inline.csv", catalog)));
    assertThat(c.get(0).properties())
        .isEqualTo(Map.of("hs_object_id", "1", "email", "x@example.com", "tier", "gold_plus"));
  }

  @Test
  void missingColumnsAndNonCsvFilesFailWithFileAndLine(@TempDir Path dir) throws Exception {
    Path noEmail = dir.resolve("no-email.csv");
    Files.writeString(noEmail, "\"Record ID\",\"First Name\"\n\"1\",\"A\"\n");
    assertThatThrownBy(() -> CsvExportSource.contacts(noEmail))
        .isInstanceOf(HubSpotSourceException.class)
        .hasMessageContaining("no-email.csv:1")
        .hasMessageContaining("no Email column");
    Path noId = dir.resolve("no-id.csv");
    Files.writeString(noId, "Email\nx@example.com\n");
    assertThatThrownBy(() -> CsvExportSource.companies(noId))
        .isInstanceOf(HubSpotSourceException.class)
        .hasMessageContaining("no Record ID column");
    assertThatThrownBy(() -> CsvExportSource.contacts(fixture("contacts-page1.json")))
        .isInstanceOf(HubSpotSourceException.class)
        .hasMessageContaining("not a CSV export");
    Path latin1 = dir.resolve("latin1.csv");
    Files.write(
        latin1,
        "Record ID,Email\n1,caf\u00e9@example.com\n"
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> all(CsvExportSource.contacts(latin1)))
        .isInstanceOf(HubSpotSourceException.class)
        .hasMessageContaining("latin1.csv")
        .hasMessageContaining("not UTF-8");
    assertThatThrownBy(() -> CsvExportSource.contacts(dir.resolve("missing.csv")))
        .isInstanceOf(HubSpotSourceException.class)
        .hasMessageContaining("missing.csv");
  }

  @Test
  void readsHubSpotAuthoredExportsWithoutRejections() {
    for (String name :
        List.of(
            "hubspot-export.custom-object-locations.csv",
            "hubspot-export.custom-object-vehicles.csv")) {
      Path file = sample("csv-exports/" + name);
      List<SourceRecord<HubSpotCompany>> items = all(CsvExportSource.companies(file));
      assertThat(rejected(items)).as(name).isEmpty();
      assertThat(parsed(items))
          .as(name)
          .isNotEmpty()
          .allSatisfy(r -> assertThat(r.id()).matches("\\d+"));
    }
    List<HubSpotCompany> vehicles =
        parsed(
            all(
                CsvExportSource.companies(
                    sample("csv-exports/hubspot-export.custom-object-vehicles.csv"))));
    assertThat(vehicles.get(0).properties()).containsKeys("VIN", "Make", "Associated Location IDs");
  }
}
