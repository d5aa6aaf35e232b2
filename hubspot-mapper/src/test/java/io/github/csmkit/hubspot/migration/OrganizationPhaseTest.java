package io.github.csmkit.hubspot.migration;

import static io.github.csmkit.hubspot.migration.Records.company;
import static io.github.csmkit.hubspot.migration.Records.unreadable;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.csmkit.client.bulk.ImportReport.Stage;
import io.github.csmkit.hubspot.mapping.RecordFilter;
import io.github.csmkit.hubspot.source.HubSpotCompany;
import io.github.csmkit.hubspot.source.SourcePosition;
import io.github.csmkit.hubspot.source.SourceRecord;
import io.github.csmkit.sandbox.Endpoint;
import io.github.csmkit.sandbox.OrganizationSnapshot;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrganizationPhaseTest extends SandboxTest {
  private final List<Long> requestsWhenRead = new ArrayList<>();

  private OrganizationPhase.Result run(
      OrganizationPhase phase, List<SourceRecord<HubSpotCompany>> companies, Set<String> names) {
    // records, at the end of the read, how many requests CSM had seen
    Iterable<SourceRecord<HubSpotCompany>> watched =
        () -> {
          Iterator<SourceRecord<HubSpotCompany>> it = companies.iterator();
          return new Iterator<>() {
            @Override
            public boolean hasNext() {
              boolean more = it.hasNext();
              if (!more) {
                requestsWhenRead.add(
                    sandbox.requestCount(Endpoint.ORGANIZATION_FETCH)
                        + sandbox.requestCount(Endpoint.ORGANIZATION_PROFILES));
              }
              return more;
            }

            @Override
            public SourceRecord<HubSpotCompany> next() {
              return it.next();
            }
          };
        };
    return phase.run(watched, names);
  }

  private OrganizationPhase phase(OrganizationDirectory directory, RecordFilter filter) {
    MigrationSettings s = settings("orgs");
    return new OrganizationPhase(
        new PhaseImporters(csm, s), s.mapper(), filter, directory, new MappingWarnings());
  }

  private static List<SourceRecord<HubSpotCompany>> companies(int from, int to) {
    List<SourceRecord<HubSpotCompany>> out = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      out.add(company(i, "Company " + i));
    }
    return out;
  }

  @Test
  void readsEverythingThenLooksUpFiftyNamesARequestThenImportsOnlyWhatCSMLacks() {
    run(phase(new OrganizationDirectory(csm), RecordFilter.all()), companies(1, 30), Set.of());
    long fetchesBefore = sandbox.requestCount(Endpoint.ORGANIZATION_FETCH);
    long submitsBefore = sandbox.requestCount(Endpoint.ORGANIZATION_PROFILES);
    requestsWhenRead.clear();

    List<SourceRecord<HubSpotCompany>> all = companies(1, 120);
    all.add(unreadable("companies", 121));
    OrganizationDirectory directory = new OrganizationDirectory(csm);
    OrganizationPhase phase = phase(directory, RecordFilter.all());
    OrganizationPhase.Result r = run(phase, all, Set.of());

    // no request while the companies were read
    assertThat(requestsWhenRead).containsExactly(fetchesBefore + submitsBefore);
    assertThat(r.alreadyPresent()).isEqualTo(30);
    assertThat(r.report().counts().read()).isEqualTo(91);
    assertThat(r.report().counts().succeeded()).isEqualTo(90);
    assertThat(r.report().failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.stage()).isEqualTo(Stage.SOURCE);
              assertThat(f.rule()).contains("COLUMN_COUNT");
              assertThat(f.message()).startsWith("companies:122 (record 121): ");
            });
    assertThat(r.missing()).isEmpty();
    // 120 names before the import (3 requests), the 90 new ones after it (2 requests)
    assertThat(sandbox.requestCount(Endpoint.ORGANIZATION_FETCH) - fetchesBefore).isEqualTo(5);
    assertThat(sandbox.organizations()).hasSize(120);
    String id120 =
        sandbox.organizations().stream()
            .filter(o -> o.name().equals("Company 120"))
            .map(OrganizationSnapshot::id)
            .findFirst()
            .orElseThrow();
    assertThat(directory.idOf("company 120")).contains(id120);
    assertThat(phase.nameOfCompany("120")).contains("Company 120");
  }

  @Test
  void contactNamesNoCompanyHasBecomeOrganizationsAndTheFilterCountsTheRest() {
    List<SourceRecord<HubSpotCompany>> all = new ArrayList<>(companies(1, 3));
    OrganizationPhase phase =
        phase(new OrganizationDirectory(csm), RecordFilter.parse("name!=Company 2"));
    OrganizationPhase.Result r =
        run(phase, all, new LinkedHashSet<>(List.of("company 1", "Company 2", "Startup Ltd")));

    assertThat(r.excluded()).isEqualTo(1);
    assertThat(sandbox.organizations())
        .extracting(OrganizationSnapshot::name)
        .containsExactlyInAnyOrder("Company 1", "Company 3", "Startup Ltd");
    assertThat(r.report().counts().succeeded()).isEqualTo(3);
    assertThat(phase.nameOfCompany("2")).isEmpty();
  }

  @Test
  void aCompanyWithoutANameIsRejectedByTheMappingAndTheRestImports() {
    SourceRecord<HubSpotCompany> wide =
        new SourceRecord.Parsed<>(
            new HubSpotCompany(
                "1",
                Map.of("notes", "x".repeat(10_000), "industry", "Software"),
                false,
                new SourcePosition("companies", 2, 1)));
    OrganizationPhase.Result r =
        run(
            phase(new OrganizationDirectory(csm), RecordFilter.all()),
            List.of(wide, company(2, "Two")),
            Set.of());
    assertThat(r.report().failures()).extracting(f -> f.stage()).containsExactly(Stage.MAPPING);
    // held for the phase with only the properties the mapping reads
    assertThat(
            ((SourceRecord.Parsed<HubSpotCompany>) r.report().failures().get(0).record()).value())
        .satisfies(
            c -> {
              assertThat(c.properties()).containsOnlyKeys("industry");
              assertThat(c.id()).isEqualTo("1");
              assertThat(c.position().line()).isEqualTo(2);
            });
    assertThat(r.report().counts().succeeded()).isEqualTo(1);
  }
}
