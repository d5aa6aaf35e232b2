package io.github.csmkit.hubspot.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.csmkit.client.model.Detail;
import io.github.csmkit.client.model.DetailFieldDefinition;
import io.github.csmkit.client.model.DetailFieldType;
import io.github.csmkit.client.model.ProfileOperationType;
import io.github.csmkit.hubspot.source.HubSpotCompany;
import io.github.csmkit.hubspot.source.HubSpotContact;
import io.github.csmkit.hubspot.source.SourcePosition;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MapperTest {
  private static final SourcePosition POS = new SourcePosition("test", 2, 1);

  static HubSpotContact contact(String id, Map<String, String> props, String... companies) {
    return new HubSpotContact(id, props, List.of(companies), false, POS);
  }

  @Test
  void mapsAContactWithTheGuidesDefaults() {
    MappedContact m =
        Mapper.of(HubSpotMapping.defaults())
            .map(
                contact(
                    "1",
                    Map.of(
                        "email",
                        " john.doe@example.com ",
                        "firstname",
                        "John",
                        "lastname",
                        "Doe",
                        "phone",
                        "+1-555-0123",
                        "company",
                        "Acme Corporation",
                        "hs_lead_status",
                        "IN_PROGRESS",
                        "lifecyclestage",
                        "customer"),
                    "9001",
                    "9002"));
    assertThat(m.rejected()).isFalse();
    assertThat(m.issues()).isEmpty();
    var op = m.operation().orElseThrow();
    assertThat(op.operationType()).isEqualTo(ProfileOperationType.CREATE);
    assertThat(op.payload().email()).contains("john.doe@example.com");
    assertThat(op.payload().displayName()).contains("John Doe");
    assertThat(op.payload().details())
        .containsExactly(
            Detail.of("Phone", "+1-555-0123"),
            Detail.of("Company", "Acme Corporation"),
            Detail.of("support-tier", "In Progress"),
            Detail.of("lifecycle", "Customer"));
    assertThat(m.organizationNames()).containsExactly("Acme Corporation");
    assertThat(m.hubSpotCompanyIds()).containsExactly("9001", "9002");
    assertThat(m.operationWithOrganizations(List.of("1", "4")).payload().associateOrganizations())
        .containsExactly("1", "4");
  }

  @Test
  void displayNameFallsBackToTheEmailAndOperationTypeIsConfigurable() {
    HubSpotMapping upsert =
        HubSpotMapping.defaults().toBuilder().operationType(ProfileOperationType.UPSERT).build();
    MappedContact m = Mapper.of(upsert).map(contact("1", Map.of("email", "carol@example.com")));
    assertThat(m.operation().orElseThrow().payload().displayName()).contains("carol@example.com");
    assertThat(m.operation().orElseThrow().operationType()).isEqualTo(ProfileOperationType.UPSERT);
  }

  @Test
  void invalidOrMissingEmailRejectsTheRecord() {
    Mapper mapper = Mapper.of(HubSpotMapping.defaults());
    MappedContact bad = mapper.map(contact("1", Map.of("email", "invalid@", "company", "Acme")));
    assertThat(bad.rejected()).isTrue();
    assertThat(bad.rejectionReason()).contains("invalid email 'invalid@'");
    assertThat(bad.organizationNames()).containsExactly("Acme");
    assertThat(mapper.map(contact("2", Map.of())).rejectionReason()).contains("no email");
  }

  @Test
  void valueNotInOptionsIsLeftOutOrRejectsWhenStrict() {
    Map<String, String> props =
        Map.of("email", "a@example.com", "hs_lead_status", "SOMETHING_ELSE");
    MappedContact lenient = Mapper.of(HubSpotMapping.defaults()).map(contact("1", props));
    assertThat(lenient.rejected()).isFalse();
    assertThat(lenient.operation().orElseThrow().payload().details()).isEmpty();
    assertThat(lenient.issues())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.severity()).isEqualTo(MappingIssue.Severity.WARNING);
              assertThat(i.property()).isEqualTo("hs_lead_status");
              assertThat(i.message()).contains("not an option of 'support-tier'");
            });
    MappedContact strict =
        Mapper.of(HubSpotMapping.defaults().toBuilder().strict(true).build())
            .map(contact("1", props));
    assertThat(strict.rejected()).isTrue();
    assertThat(strict.rejectionReason()).contains("SOMETHING_ELSE");
  }

  @Test
  void unparseableDateIsAnIssue() {
    HubSpotMapping m =
        HubSpotMapping.builder()
            .addCustomerField(
                PropertyMapping.builder("renewal", "Renewal").type(DetailFieldType.date()).build())
            .build();
    MappedContact r =
        Mapper.of(m).map(contact("1", Map.of("email", "a@example.com", "renewal", "next tuesday")));
    assertThat(r.issues())
        .singleElement()
        .satisfies(i -> assertThat(i.message()).contains("cannot read 'next tuesday' as date"));
    MappedContact ok =
        Mapper.of(m)
            .map(contact("1", Map.of("email", "a@example.com", "renewal", "1572480000000")));
    assertThat(ok.operation().orElseThrow().payload().details())
        .containsExactly(Detail.of("Renewal", "2019-10-31"));
  }

  @Test
  void mapsACompanyWithNumberCleanupAndNameFallback() {
    Mapper mapper = Mapper.of(HubSpotMapping.defaults());
    MappedCompany acme =
        mapper.map(
            new HubSpotCompany(
                "9001",
                Map.of(
                    "name",
                    "Acme Corporation",
                    "industry",
                    "COMPUTER_SOFTWARE",
                    "website",
                    "https://acme.example.com",
                    "numberofemployees",
                    "500.0"),
                false,
                POS));
    assertThat(acme.name()).contains("Acme Corporation");
    assertThat(acme.operation().orElseThrow().operationType())
        .isEqualTo(ProfileOperationType.CREATE);
    assertThat(acme.operation().orElseThrow().payload().details())
        .containsExactly(
            Detail.of("Industry", "COMPUTER_SOFTWARE"),
            Detail.of("Website", "https://acme.example.com"),
            Detail.of("Employee Count", "500"));
    MappedCompany noName =
        mapper.map(new HubSpotCompany("9002", Map.of("domain", "tech.example.com"), false, POS));
    assertThat(noName.name()).contains("tech.example.com");
    assertThat(noName.issues())
        .singleElement()
        .satisfies(i -> assertThat(i.severity()).isEqualTo(MappingIssue.Severity.WARNING));
    assertThat(mapper.map(new HubSpotCompany("9003", Map.of(), false, POS)).rejected()).isTrue();
  }

  @Test
  void labelsComeFromACatalog() {
    var catalog =
        io.github.csmkit.hubspot.source.PropertyCatalog.empty()
            .with(
                io.github.csmkit.hubspot.source.PropertyDefinition.enumeration(
                    "industry", "Industry", "COMPUTER_SOFTWARE", "Computer Software"));
    MappedCompany c =
        Mapper.of(HubSpotMapping.defaults(), catalog, catalog)
            .map(
                new HubSpotCompany(
                    "1", Map.of("name", "X", "industry", "COMPUTER_SOFTWARE"), false, POS));
    assertThat(c.operation().orElseThrow().payload().details())
        .containsExactly(Detail.of("Industry", "Computer Software"));
  }

  @Test
  void multiSelectSplitsAndMapsEachValue() {
    PropertyMapping pm =
        PropertyMapping.builder("flavours", "Flavours")
            .type(DetailFieldType.multiSelect("Chocolate", "Strawberry"))
            .value("chocolate", "Chocolate")
            .build();
    assertThat(
            pm.apply("chocolate; strawberry;", java.util.Optional.empty(), ZoneOffset.UTC).values())
        .containsExactly("Chocolate", "Strawberry");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "NUMBER|117.0|117",
        "NUMBER|1,234|1234",
        "NUMBER| 12.50 |12.5",
        "DATE|1572480000000|2019-10-31",
        "DATE|2024-03-05|2024-03-05",
        "DATE|2024-03-05 14:07|2024-03-05",
        "DATE|2019-10-30T03:30:17.883Z|2019-10-30",
        "DATETIME|2019-10-30T03:30:17Z|2019-10-30T03:30:17Z",
        "DATETIME|2024-03-05 14:07|2024-03-05T14:07:00Z",
        "DATETIME|1572480000000|2019-10-31T00:00:00Z",
        "DATETIME|2019-10-30T05:30:17+02:00|2019-10-30T03:30:17Z",
        "TEXT|  padded  |padded"
      })
  void normalisesValues(ValueFormat format, String in, String out) {
    assertThat(PropertyMapping.normalise(in, format, ZoneOffset.UTC)).isEqualTo(out);
  }

  @Test
  void unreadableNumbersFail() {
    assertThatThrownBy(() -> PropertyMapping.normalise("lots", ValueFormat.NUMBER, ZoneOffset.UTC))
        .isInstanceOf(NumberFormatException.class);
  }

  @Test
  void yieldsTheFieldDefinitionsToCreate() {
    assertThat(HubSpotMapping.defaults().customerFieldDefinitions())
        .extracting(DetailFieldDefinition::name)
        .containsExactly("Phone", "Company", "support-tier", "lifecycle");
    assertThat(HubSpotMapping.defaults().customerFieldDefinitions().get(2).type().options())
        .containsExactly(
            "New",
            "Open",
            "In Progress",
            "Open Deal",
            "Unqualified",
            "Attempted to Contact",
            "Connected",
            "Bad Timing");
    assertThat(HubSpotMapping.defaults().organizationFieldDefinitions())
        .extracting(d -> d.name() + ":" + d.type().name())
        .containsExactly("Industry:TEXT", "Website:TEXT", "Employee Count:NUMBER");
    assertThat(
            Stream.concat(
                HubSpotMapping.defaults().customerFieldDefinitions().stream(),
                HubSpotMapping.defaults().organizationFieldDefinitions().stream()))
        .allSatisfy(d -> assertThat(d.violations()).isEmpty());
  }
}
