package io.github.csmkit.examples;

import io.github.csmkit.client.model.CustomerAccount;
import io.github.csmkit.client.model.CustomerAccountBatch;
import io.github.csmkit.client.model.CustomerDetailBatch;
import io.github.csmkit.client.model.CustomerRecord;
import io.github.csmkit.client.model.DetailOperation;
import io.github.csmkit.client.model.DetailUpdate;
import io.github.csmkit.client.model.TaskStatus;
import java.util.List;

/** Pattern 3: detail field values (HubSpot custom properties) for customers that already exist. */
public final class DetailValuesExample {
  public static void main(String[] args) {
    try (ExampleCsm target = ExampleCsm.connect()) {
      target.customerFields("Support Tier", "Health Score");
      target
          .csm
          .tasks()
          .await(
              target
                  .csm
                  .customerAccounts()
                  .submit(
                      CustomerAccountBatch.of(
                          List.of(
                              CustomerAccount.of("ana.lima@example.com", "Ana Lima"),
                              CustomerAccount.of("ben.ode@example.com", "Ben Ode")))));
      List<CustomerRecord> customers =
          target
              .csm
              .customerProfiles()
              .fetchByEmails(List.of("ana.lima@example.com", "ben.ode@example.com"));
      String ana = customers.get(0).id();
      String ben = customers.get(1).id();

      CustomerDetailBatch batch =
          CustomerDetailBatch.of(
              List.of(
                  DetailUpdate.of(
                      ana,
                      DetailOperation.update("Support Tier", "Premium"),
                      DetailOperation.update("Health Score", "95")),
                  DetailUpdate.of(
                      ben,
                      DetailOperation.update("Support Tier", "Standard"),
                      DetailOperation.update("Health Score", "78"))));
      TaskStatus done = target.csm.tasks().await(target.csm.customerDetails().submit(batch));

      CustomerRecord after = target.csm.customerProfiles().fetchByIds(List.of(ana)).get(0);
      System.out.println(
          "Detail values: task "
              + done.state()
              + ", "
              + done.failures().size()
              + " failures; Support Tier of "
              + after.email().orElse(ana)
              + " = "
              + after.detail("Support Tier"));
    }
  }
}
