package io.github.csmkit.client.model;

import static io.github.csmkit.client.model.ModelAssertions.assertJson;
import static io.github.csmkit.client.model.ModelAssertions.assertViolation;
import static io.github.csmkit.client.model.ModelAssertions.single;
import static io.github.csmkit.client.model.ModelAssertions.violations;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.csmkit.client.error.Violation;
import io.github.csmkit.client.error.Violation.Rule;
import io.github.csmkit.client.internal.WireWriter;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Detail-value batches of customers and organizations: UPDATE, PATCH, DELETE and the limits. */
class DetailBatchTest {
  private static DetailUpdate withOperations(String id, int n) {
    return DetailUpdate.builder()
        .id(id)
        .operations(
            IntStream.range(0, n)
                .mapToObj(i -> DetailOperation.update("Field " + i, "v" + i))
                .toList())
        .build();
  }

  @Test
  void customerDetailsAreSentByCustomerId() {
    CustomerDetailBatch batch =
        CustomerDetailBatch.of(
            List.of(
                DetailUpdate.of(
                    "qm:1",
                    DetailOperation.update("Support Tier", "Gold"),
                    DetailOperation.patch("Regions", "EMEA", "APAC"),
                    DetailOperation.delete("Phone")),
                DetailUpdate.of(
                    "qm:2",
                    DetailOperation.of(DetailOperationType.UPDATE, Detail.of("Tags", List.of())))));
    assertJson(
        WireWriter.write(batch),
        """
        {"customers":[
          {"customerId":"qm:1","operations":[
            {"operationType":"UPDATE","payload":{"name":"Support Tier","values":["Gold"]}},
            {"operationType":"PATCH","payload":{"name":"Regions","values":["EMEA","APAC"]}},
            {"operationType":"DELETE","payload":{"name":"Phone","values":[]}}]},
          {"customerId":"qm:2","operations":[{"operationType":"UPDATE","payload":{"name":"Tags","values":[]}}]}]}
        """);
    assertThat(batch.items()).isSameAs(batch.updates());
    assertThat(batch.updates().get(0).keys()).containsExactly("qm:1");
  }

  @Test
  void organizationDetailsAreSentByOrganizationId() {
    OrganizationDetailBatch batch =
        OrganizationDetailBatch.of(
            List.of(DetailUpdate.of("10001", DetailOperation.update("Support Tier", "Gold"))));
    assertJson(
        WireWriter.write(batch),
        """
        {"organizations":[{"organizationId":"10001","operations":[
          {"operationType":"UPDATE","payload":{"name":"Support Tier","values":["Gold"]}}]}]}
        """);
    assertThat(batch.items()).isSameAs(batch.updates());
  }

  @Test
  void aThousandOperationsAcrossItemsAreABatchAndOneMoreIsNot() {
    List<DetailUpdate> thousand =
        IntStream.range(0, 25).mapToObj(i -> withOperations("qm:" + i, 40)).toList();
    assertThat(CustomerDetailBatch.of(thousand).updates()).hasSize(25);
    assertThat(OrganizationDetailBatch.of(thousand).updates()).hasSize(25);

    List<DetailUpdate> over = new java.util.ArrayList<>(thousand);
    over.add(withOperations("qm:last", 1));
    for (Runnable build :
        List.<Runnable>of(
            () -> CustomerDetailBatch.of(over), () -> OrganizationDetailBatch.of(over))) {
      assertViolation(
          single(build::run),
          -1,
          "operations",
          Rule.MAX_OPERATIONS,
          "a detail batch holds at most 1000 operations in all, this one has 1001");
    }
    // one item alone may not carry more than 1000 either
    assertViolation(
        single(() -> CustomerDetailBatch.of(List.of(withOperations("qm:big", 1001)))),
        -1,
        "operations",
        Rule.MAX_OPERATIONS,
        "a detail batch holds at most 1000 operations in all, this one has 1001");
  }

  @Test
  void fiftyItemsOkFiftyOneNotNoneNot() {
    assertThat(
            CustomerDetailBatch.of(
                    IntStream.range(0, 50).mapToObj(i -> withOperations("qm:" + i, 1)).toList())
                .updates())
        .hasSize(50);
    assertViolation(
        single(
            () ->
                OrganizationDetailBatch.of(
                    IntStream.range(0, 51).mapToObj(i -> withOperations("" + i, 1)).toList())),
        50,
        "items",
        Rule.MAX_ITEMS,
        "a batch holds at most 50 items, this one has 51");
    assertViolation(
        single(() -> CustomerDetailBatch.of(List.of())),
        -1,
        "items",
        Rule.NOT_EMPTY,
        "a batch needs at least one item");
    assertViolation(
        single(() -> OrganizationDetailBatch.builder().build()),
        -1,
        "items",
        Rule.NOT_EMPTY,
        "a batch needs at least one item");
  }

  @Test
  void anIdTwiceIsRefused() {
    List<Violation> all =
        violations(
            () ->
                CustomerDetailBatch.of(
                    List.of(
                        withOperations("qm:1", 1),
                        withOperations("qm:2", 1),
                        withOperations("qm:1", 2))));
    assertThat(all).hasSize(1);
    assertViolation(all.get(0), 2, "id", Rule.DUPLICATE_ID, "'qm:1' is already used by item 0");
    assertViolation(
        single(
            () ->
                OrganizationDetailBatch.of(
                    List.of(withOperations("10001", 1), withOperations("10001", 1)))),
        1,
        "id",
        Rule.DUPLICATE_ID,
        "'10001' is already used by item 0");
  }

  @Test
  void anUpdateNeedsAnIdOperationsAndNamedFields() {
    List<Violation> all =
        violations(
            () ->
                CustomerDetailBatch.of(
                    List.of(
                        DetailUpdate.builder().id(" ").build(),
                        DetailUpdate.of(
                            "qm:2",
                            DetailOperation.update("Tier", "Gold"),
                            DetailOperation.delete(" ")))));
    assertThat(all).hasSize(3);
    assertViolation(all.get(0), 0, "id", Rule.IDENTIFIER_REQUIRED, "a detail update needs an id");
    assertViolation(
        all.get(1), 0, "operations", Rule.VALUE_REQUIRED, "a detail update needs an operation");
    assertViolation(
        all.get(2), 1, "operations[1].payload.name", Rule.VALUE_REQUIRED, "a detail needs a name");
  }
}
