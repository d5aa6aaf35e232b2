package io.github.csmkit.examples;

import io.github.csmkit.client.bulk.BulkImporter;
import io.github.csmkit.client.bulk.BulkTarget;
import io.github.csmkit.client.bulk.ImportReport;
import io.github.csmkit.client.model.CustomerProfile;
import io.github.csmkit.client.model.CustomerProfileOperation;
import java.util.List;
import java.util.stream.IntStream;

/** Phase 1: a test batch, checked; phase 2: the rest, only if phase 1 was clean. */
public final class PhasedMigrationExample {
  public static void main(String[] args) {
    List<CustomerProfileOperation> contacts =
        IntStream.rangeClosed(1, 250)
            .mapToObj(
                i ->
                    CustomerProfileOperation.create(
                        CustomerProfile.builder()
                            .email("contact" + i + "@example.com")
                            .displayName("Contact " + i)
                            .build()))
            .toList();

    try (ExampleCsm target = ExampleCsm.connect()) {
      ImportReport<CustomerProfileOperation> phase1 =
          BulkImporter.builder(target.csm, BulkTarget.CUSTOMER_PROFILES)
              .jobId("phased-example/test-batch")
              .build()
              .run(contacts.subList(0, 100));
      long found =
          target
              .csm
              .customerProfiles()
              .fetchByEmails(List.of("contact1@example.com", "contact100@example.com"))
              .size();
      System.out.println(
          "Phase 1: "
              + phase1.counts().succeeded()
              + " of 100 imported, "
              + found
              + " of 2 checked found");
      if (phase1.counts().succeeded() < 100 || found < 2) {
        System.out.println("Phase 1 was not clean: fix the mapping before phase 2");
        return;
      }

      ImportReport<CustomerProfileOperation> phase2 =
          BulkImporter.builder(target.csm, BulkTarget.CUSTOMER_PROFILES)
              .jobId("phased-example/rest")
              .build()
              .run(contacts.subList(100, contacts.size()));
      System.out.println(
          "Phase 2: "
              + phase2.counts().succeeded()
              + " of "
              + (contacts.size() - 100)
              + " imported");
    }
  }
}
