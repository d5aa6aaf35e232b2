package io.github.csmkit.examples;

import io.github.csmkit.client.model.CustomerRecord;
import io.github.csmkit.hubspot.mapping.HubSpotMapping;
import io.github.csmkit.hubspot.migration.HubSpotMigration;
import java.io.StringReader;
import java.util.List;

/**
 * The guide's field-mapping table as a mapping file, plus a custom property: HubSpot's "Renewal
 * Date" (renewal_date) into a CSM DATE field "Renewal". Keys left out keep the defaults; {@code
 * csmkit mapping init} writes the full default file.
 */
public final class FieldMappingExample {
  static final String MAPPING =
      """
      customers:
        email: email
        displayName: [firstname, lastname]
        organizationName: company
        fields:
        - property: hs_lead_status
          field: support-tier
          type: SELECT
          options: [New, Open, In Progress, Open Deal, Unqualified, Attempted to Contact, Connected, Bad Timing]
          labels: true
        - property: lifecyclestage
          field: lifecycle
          labels: true
        - property: renewal_date
          field: Renewal
          type: DATE
      """;

  public static void main(String[] args) {
    HubSpotMapping mapping = HubSpotMapping.parse(new StringReader(MAPPING), "mapping.yaml", false);

    try (ExampleCsm target = ExampleCsm.connect()) {
      HubSpotMigration.builder(target.csm)
          .jobId("hubspot-mapping-example")
          .mapping(mapping) // missing detail fields are created first
          .build()
          .run(SampleData.companies(), SampleData::contacts);

      CustomerRecord john =
          target.csm.customerProfiles().fetchByEmails(List.of("john.doe@example.com")).get(0);
      System.out.println(
          "Mapped John Doe: support-tier="
              + john.detail("support-tier")
              + " lifecycle="
              + john.detail("lifecycle")
              + " Renewal="
              + john.detail("Renewal"));
    }
  }
}
