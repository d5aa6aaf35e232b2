package io.github.csmkit.examples;

import io.github.csmkit.client.model.Detail;
import io.github.csmkit.client.model.OrganizationProfile;
import io.github.csmkit.client.model.OrganizationProfileBatch;
import io.github.csmkit.client.model.OrganizationProfileOperation;
import io.github.csmkit.client.model.TaskStatus;
import java.util.List;

/** Pattern 2: HubSpot companies as CSM organizations, with organization detail fields. */
public final class OrganizationsExample {
  public static void main(String[] args) {
    try (ExampleCsm target = ExampleCsm.connect()) {
      target.organizationFields("Industry", "Website", "Employee Count");

      OrganizationProfileBatch batch =
          OrganizationProfileBatch.builder()
              .addOperations(
                  OrganizationProfileOperation.create(
                      OrganizationProfile.builder()
                          .name("Acme Corporation")
                          .addDetails(
                              Detail.of("Industry", "Manufacturing"),
                              Detail.of("Website", "https://acme.example.com"),
                              Detail.of("Employee Count", "500"))
                          .build()))
              .addOperations(
                  OrganizationProfileOperation.create(
                      OrganizationProfile.builder()
                          .name("Tech Innovators")
                          .addDetails(
                              Detail.of("Industry", "Software"),
                              Detail.of("Website", "https://techinnovators.example.com"),
                              Detail.of("Employee Count", "150"))
                          .build()))
              .build();

      TaskStatus done = target.csm.tasks().await(target.csm.organizationProfiles().submit(batch));
      System.out.println(
          "Organizations: task "
              + done.state()
              + ", "
              + done.failures().size()
              + " failures; ids "
              + target
                  .csm
                  .organizationProfiles()
                  .idsByName(List.of("Acme Corporation", "Tech Innovators")));
    }
  }
}
