package io.github.csmkit.examples;

import io.github.csmkit.client.model.CustomerAccount;
import io.github.csmkit.client.model.CustomerAccountBatch;
import io.github.csmkit.client.model.CustomerRecord;
import io.github.csmkit.client.model.TaskStatus;
import java.util.List;

/** Pattern 4: plain customer accounts (email and display name), up to 50 per request. */
public final class CustomerAccountsExample {
  public static void main(String[] args) {
    try (ExampleCsm target = ExampleCsm.connect()) {
      CustomerAccountBatch batch =
          CustomerAccountBatch.of(
              List.of(
                  CustomerAccount.of("alice.johnson@example.com", "Alice Johnson"),
                  CustomerAccount.of("bob.wilson@example.com", "Bob Wilson"),
                  CustomerAccount.of(
                      "carol.brown@example.com"))); // no display name: CSM uses the email

      TaskStatus done = target.csm.tasks().await(target.csm.customerAccounts().submit(batch));
      List<CustomerRecord> created =
          target
              .csm
              .customerProfiles()
              .fetchByEmails(
                  List.of(
                      "alice.johnson@example.com",
                      "bob.wilson@example.com",
                      "carol.brown@example.com"));
      System.out.println(
          "Customer accounts: task "
              + done.state()
              + ", "
              + done.failures().size()
              + " failures; "
              + created.size()
              + " customers found");
    }
  }
}
