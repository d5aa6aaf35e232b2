package io.github.csmkit.examples;

import io.github.csmkit.client.bulk.BulkImporter;
import io.github.csmkit.client.bulk.BulkTarget;
import io.github.csmkit.client.bulk.ImportReport;
import io.github.csmkit.client.model.CustomerAccount;
import io.github.csmkit.client.model.CustomerAccountBatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Failed records go to a dead-letter file for review, with their reason; above a 5% failure rate,
 * alert. Only the failed records are retried.
 */
public final class DeadLetterQueueExample {
  public static void main(String[] args) throws Exception {
    try (ExampleCsm target = ExampleCsm.connect()) {
      // 6 customers exist already: CSM fails their CREATE, the other 94 go through
      target
          .csm
          .tasks()
          .await(
              target
                  .csm
                  .customerAccounts()
                  .submit(
                      CustomerAccountBatch.of(
                          IntStream.range(0, 6)
                              .mapToObj(i -> CustomerAccount.of("user" + i * 15 + "@example.com"))
                              .toList())));
      List<CustomerAccount> accounts =
          IntStream.range(0, 100)
              .mapToObj(i -> CustomerAccount.of("user" + i + "@example.com", "User " + i))
              .toList();

      ImportReport<CustomerAccount> report =
          BulkImporter.builder(target.csm, BulkTarget.CUSTOMER_ACCOUNTS)
              .jobId("dead-letter-example")
              .failureThreshold(0.05)
              .build()
              .run(accounts);

      Path deadLetters = Files.createTempFile("dead-letters", ".csv");
      report.writeDeadLettersCsv(deadLetters, CustomerAccount::email);
      double rate = (double) report.failures().size() / report.counts().read();
      System.out.println(
          "Dead letters: " + report.failures().size() + " records in " + deadLetters);
      report.failures().stream()
          .limit(2)
          .forEach(f -> System.out.println("  " + f.record().email() + ": " + f.message()));
      if (rate > 0.05) {
        System.out.printf("ALERT: high failure rate in CSM migration: %.0f%%%n", rate * 100);
      }
      System.out.println(
          "To retry after fixing them: " + report.recordsToRetry().size() + " records");
    }
  }
}
