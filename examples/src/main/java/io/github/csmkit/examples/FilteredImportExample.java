package io.github.csmkit.examples;

import io.github.csmkit.hubspot.mapping.RecordFilter;
import io.github.csmkit.hubspot.migration.HubSpotMigration;
import io.github.csmkit.hubspot.migration.MigrationReport;
import java.util.List;

/** Only the contacts that meet criteria: lifecycle stage customer and lead status connected. */
public final class FilteredImportExample {
  public static void main(String[] args) {
    // property operator value: = equals, != differs, ~ contains, !~ lacks (case ignored); several:
    // AND
    RecordFilter eligible =
        RecordFilter.parse(List.of("lifecyclestage=customer", "hs_lead_status=connected"));

    try (ExampleCsm target = ExampleCsm.connect()) {
      MigrationReport report =
          HubSpotMigration.builder(target.csm)
              .jobId("hubspot-filtered-example")
              .contactFilter(eligible)
              .build()
              .run(SampleData.companies(), SampleData::contacts);

      System.out.println(
          "Filtered import: "
              + report.customers().orElseThrow().counts().succeeded()
              + " customers imported, "
              + report.contactsExcluded()
              + " contacts excluded by "
              + eligible);
    }
  }
}
