package io.github.csmkit.examples;

import io.github.csmkit.client.model.CustomerProfile;
import io.github.csmkit.client.model.CustomerProfileBatch;
import io.github.csmkit.client.model.CustomerProfileOperation;
import io.github.csmkit.client.model.Detail;
import io.github.csmkit.client.model.SubmittedTask;
import io.github.csmkit.client.model.TaskStatus;
import java.util.Map;

/** Pattern 1: HubSpot contacts as CSM customer profiles, with details and organizations. */
public final class CustomerProfilesExample {
  public static void main(String[] args) {
    try (ExampleCsm target = ExampleCsm.connect()) {
      target.customerFields("Phone", "Company");
      Map<String, String> org = target.organizations("Acme Corporation", "Tech Innovators");

      CustomerProfileBatch batch =
          CustomerProfileBatch.builder()
              .addOperations(
                  CustomerProfileOperation.create(
                      CustomerProfile.builder()
                          .email("john.doe@example.com")
                          .displayName("John Doe")
                          .addDetails(
                              Detail.of("Phone", "+1-555-0123"),
                              Detail.of("Company", "Acme Corporation"))
                          .addAssociateOrganizations(org.get("Acme Corporation"))
                          .build()))
              .addOperations(
                  CustomerProfileOperation.create(
                      CustomerProfile.builder()
                          .email("jane.smith@example.com")
                          .displayName("Jane Smith")
                          .addDetails(
                              Detail.of("Phone", "+1-555-0124"),
                              Detail.of("Company", "Tech Innovators"))
                          .addAssociateOrganizations(org.get("Tech Innovators"))
                          .build()))
              .build(); // at most 50 operations; CREATE needs an email

      SubmittedTask task =
          target.csm.customerProfiles().submit(batch); // one Idempotency-Key, kept on retries
      TaskStatus done = target.csm.tasks().await(task); // polls with backoff
      System.out.println(
          "Customer profiles: task "
              + done.id()
              + " "
              + done.state()
              + ", "
              + done.failures().size()
              + " failures");
      done.failures()
          .forEach(
              f ->
                  System.out.println("  failed: " + f.entityId().orElse("?") + ": " + f.message()));
    }
  }
}
