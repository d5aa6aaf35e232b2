package io.github.csmkit.hubspot.migration;

import static io.github.csmkit.hubspot.migration.Records.company;
import static io.github.csmkit.hubspot.migration.Records.contact;
import static io.github.csmkit.hubspot.migration.Records.unreadable;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.csmkit.client.bulk.ImportReport.Stage;
import io.github.csmkit.hubspot.mapping.RecordFilter;
import io.github.csmkit.hubspot.source.HubSpotContact;
import io.github.csmkit.hubspot.source.SourceRecord;
import io.github.csmkit.sandbox.CustomerSnapshot;
import io.github.csmkit.sandbox.OrganizationSnapshot;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CustomerPhaseTest extends SandboxTest {
  @Test
  void joinsThePrimaryCompanyFallsBackToTheCompanyPropertyAndCountsUnknownOrganizations() {
    MigrationSettings s =
        HubSpotMigration.builder(csm).jobId("customers").membership(Membership.PRIMARY).settings();
    PhaseImporters importers = new PhaseImporters(csm, s);
    new DetailFieldsPhase(csm, importers, s.mapper().mapping()).run();
    OrganizationDirectory directory = new OrganizationDirectory(csm);
    MappingWarnings warnings = new MappingWarnings();
    OrganizationPhase orgs =
        new OrganizationPhase(importers, s.mapper(), RecordFilter.all(), directory, warnings);
    orgs.run(List.of(company(101, "Acme"), company(103, "Globex")), Set.of());
    Map<String, String> orgIds =
        sandbox.organizations().stream()
            .collect(Collectors.toMap(OrganizationSnapshot::name, OrganizationSnapshot::id));

    VerificationSample sample = new VerificationSample(10);
    CustomerPhase phase =
        new CustomerPhase(
            importers,
            s,
            orgs,
            directory,
            new Deduplication(DuplicatePolicy.FIRST, new EmailKey("email"), new ContactScan()),
            warnings,
            sample,
            java.util.Optional.empty());
    List<SourceRecord<HubSpotContact>> contacts =
        List.of(
            contact(
                "1",
                1,
                List.of("101", "103"),
                "email",
                "pat@x.example",
                "associatedcompanyid",
                "103"),
            contact("2", 2, List.of("999"), "email", "lee@x.example", "company", "Acme"),
            unreadable("contacts", 3),
            contact("4", 4, List.of(), "email", "kim@x.example", "company", "Nowhere"),
            contact("5", 5, List.of(), "email", "PAT@x.example"));
    CustomerPhase.Result r = phase.run(contacts);

    Map<String, CustomerSnapshot> customers =
        sandbox.customers().stream().collect(Collectors.toMap(CustomerSnapshot::email, c -> c));
    assertThat(customers.get("pat@x.example").organizationIds())
        .containsExactly(orgIds.get("Globex"));
    assertThat(customers.get("lee@x.example").organizationIds())
        .containsExactly(orgIds.get("Acme"));
    assertThat(customers.get("kim@x.example").organizationIds()).isEmpty();
    assertThat(r.unknownOrganizations()).isEqualTo(1);
    assertThat(r.report().failures())
        .extracting(f -> f.index() + ":" + f.stage())
        .containsExactly("2:SOURCE", "4:DUPLICATE");
    assertThat(r.report().failures().get(0).rule()).contains("COLUMN_COUNT");
    assertThat(r.report().counts().rejected()).isEqualTo(1);
    assertThat(sample.expected())
        .extracting(VerificationSample.Expected::email)
        .containsExactly("pat@x.example", "lee@x.example", "kim@x.example");

    Verification v = new VerificationPhase(csm).run(sample, r.report(), List.of());
    assertThat(v.passed()).as(v.problems().toString()).isTrue();
    assertThat(v.customersChecked()).isEqualTo(3);
    assertThat(r.report().failures().stream().map(f -> f.stage())).doesNotContain(Stage.MAPPING);
  }
}
