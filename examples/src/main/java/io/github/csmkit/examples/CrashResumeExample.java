package io.github.csmkit.examples;

import io.github.csmkit.client.bulk.BulkImporter;
import io.github.csmkit.client.bulk.BulkTarget;
import io.github.csmkit.client.bulk.ImportReport;
import io.github.csmkit.client.model.CustomerProfile;
import io.github.csmkit.client.model.CustomerProfileOperation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A journal makes an import resumable: run it again with the same job id and journal after a crash,
 * and the batches that finished are skipped; deterministic idempotency keys keep the rest from
 * creating anything twice.
 */
public final class CrashResumeExample {
  public static void main(String[] args) throws Exception {
    List<CustomerProfileOperation> contacts =
        IntStream.rangeClosed(1, 300)
            .mapToObj(
                i ->
                    CustomerProfileOperation.create(
                        CustomerProfile.builder()
                            .email("resume" + i + "@example.com")
                            .displayName("Resume " + i)
                            .build()))
            .toList();
    Path journal = Files.createTempDirectory("csmkit").resolve("customers.journal");

    try (ExampleCsm target = ExampleCsm.connect()) {
      // first run: the input fails after 120 records (a crash, a lost connection to HubSpot...)
      Iterable<CustomerProfileOperation> crashing =
          () ->
              new Iterator<>() {
                int i;

                public boolean hasNext() {
                  return true;
                }

                public CustomerProfileOperation next() {
                  if (i == 120) {
                    throw new IllegalStateException("HubSpot export stream broke");
                  }
                  return contacts.get(i++);
                }
              };
      ImportReport<CustomerProfileOperation> first =
          BulkImporter.builder(target.csm, BulkTarget.CUSTOMER_PROFILES)
              .jobId("resume-example")
              .journal(journal)
              .build()
              .run(crashing);
      System.out.println(
          "First run: "
              + first.counts().succeeded()
              + " imported, stopped: "
              + first.stopReason().orElse("no"));

      // second run, same job id and journal: finished batches are skipped
      ImportReport<CustomerProfileOperation> second =
          BulkImporter.builder(target.csm, BulkTarget.CUSTOMER_PROFILES)
              .jobId("resume-example")
              .journal(journal)
              .build()
              .run(contacts);
      System.out.println(
          "Resumed run: "
              + second.counts().succeeded()
              + " of "
              + contacts.size()
              + " accounted as imported, complete: "
              + second.stopReason().isEmpty());
      target.sandbox.ifPresent(
          s ->
              System.out.println(
                  "Created once each: "
                      + (s.customers().size() == contacts.size()
                          && s.creationCount("resume1@example.com") == 1)));
    }
  }
}
