package io.github.csmkit.examples;

import io.github.csmkit.hubspot.migration.HubSpotMigration;
import io.github.csmkit.hubspot.migration.MigrationReport;

/**
 * The whole migration in the guide's order: detail fields, organizations first, then customers with
 * their organizations, then verification, every record accounted for.
 */
public final class FullMigrationExample {
  public static void main(String[] args) {
    try (ExampleCsm target = ExampleCsm.connect()) {
      MigrationReport report =
          HubSpotMigration.builder(target.csm)
              .jobId("hubspot-full-example") // deterministic keys: a rerun cannot duplicate
              .build()
              .run(SampleData.companies(), SampleData::contacts);

      System.out.print(report.summary());
      System.out.println(
          "Verification passed: "
              + report.verification().passed()
              + "; records not imported: "
              + report.recordsNotImported());
    }
  }
}
