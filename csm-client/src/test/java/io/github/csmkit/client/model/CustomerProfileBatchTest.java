package io.github.csmkit.client.model;

import static io.github.csmkit.client.model.ModelAssertions.assertJson;
import static io.github.csmkit.client.model.ModelAssertions.assertViolation;
import static io.github.csmkit.client.model.ModelAssertions.single;
import static io.github.csmkit.client.model.ModelAssertions.violations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.csmkit.client.error.CsmValidationException;
import io.github.csmkit.client.error.Violation;
import io.github.csmkit.client.error.Violation.Rule;
import io.github.csmkit.client.internal.WireWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Customer-profile operations and batches: the request JSON and every rule. */
class CustomerProfileBatchTest {
  private static CustomerProfile email(String email) {
    return CustomerProfile.builder().email(email).build();
  }

  private static CustomerProfile id(String customerId) {
    return CustomerProfile.builder().customerId(customerId).build();
  }

  private static CustomerProfileOperation create(int i) {
    return CustomerProfileOperation.create(email("customer" + i + "@example.com"));
  }

  @Test
  void everyOperationTypeIsSentInTheReferenceShape() {
    CustomerProfileBatch batch =
        CustomerProfileBatch.of(
            List.of(
                CustomerProfileOperation.create(
                    CustomerProfile.builder()
                        .email("john.doe@example.com")
                        .displayName("John Doe")
                        .addDetails(Detail.of("Support Tier", "Gold"))
                        .addDetails(Detail.of("Regions", List.of("EMEA", "APAC")))
                        .addAssociateOrganizations("1", "4")
                        .build()),
                CustomerProfileOperation.update(id("qm:abc-123")),
                CustomerProfileOperation.upsert(
                    CustomerProfile.builder()
                        .email("jane@example.com")
                        .customerId("qm:jane")
                        .build()),
                CustomerProfileOperation.upsertExisting(id("5b10ac8d82e05b22cc7d4ef5"))));

    assertJson(
        WireWriter.write(batch),
        """
        {"customerProfiles":[
          {"operationType":"CREATE","payload":{"email":"john.doe@example.com","displayName":"John Doe",
            "details":[{"name":"Support Tier","values":["Gold"]},{"name":"Regions","values":["EMEA","APAC"]}],
            "associateOrganizations":{"organizationIds":["1","4"]}}},
          {"operationType":"UPDATE","payload":{"customerId":"qm:abc-123"}},
          {"operationType":"UPSERT","payload":{"email":"jane@example.com","customerId":"qm:jane"}},
          {"operationType":"UPSERT","payload":{"customerId":"5b10ac8d82e05b22cc7d4ef5"}}]}
        """);
    // deterministic bytes, fields in the documented order, nothing absent sent as null
    assertThat(new String(WireWriter.write(batch), StandardCharsets.UTF_8))
        .startsWith(
            "{\"customerProfiles\":[{\"operationType\":\"CREATE\",\"payload\":{\"email\":\"john.doe@example.com\","
                + "\"displayName\":\"John Doe\",\"details\":[")
        .doesNotContain("null")
        .doesNotContain("existingOnly");
    assertThat(batch.items()).isSameAs(batch.operations());
    assertThat(batch.operations().get(3).existingOnly()).isTrue();
    assertThat(batch.operations().get(2).existingOnly()).isFalse();
  }

  @Test
  void keysNameTheCustomerIdThenTheEmail() {
    CustomerProfileOperation op =
        CustomerProfileOperation.upsert(
            CustomerProfile.builder().email("jane@example.com").customerId("qm:jane").build());
    assertThat(op.keys()).containsExactly("qm:jane", "jane@example.com");
    assertThat(CustomerProfileOperation.update(id("qm:x")).keys()).containsExactly("qm:x");
  }

  @Test
  void createWithoutAnEmailIsRefused() {
    Violation v =
        single(
            () ->
                CustomerProfileBatch.of(
                    List.of(
                        create(0),
                        CustomerProfileOperation.create(
                            CustomerProfile.builder()
                                .customerId("qm:1")
                                .displayName("No Mail")
                                .build()))));
    assertViolation(
        v, 1, "payload.email", Rule.EMAIL_REQUIRED, "CREATE of a customer needs an email");
    assertViolation(
        single(
            () -> CustomerProfileBatch.of(List.of(CustomerProfileOperation.create(email("   "))))),
        0,
        "payload.email",
        Rule.EMAIL_REQUIRED,
        "CREATE of a customer needs an email");
  }

  @Test
  void createWithABadEmailNamesIt() {
    CsmValidationException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            CsmValidationException.class,
            () -> CustomerProfileBatch.of(List.of(CustomerProfileOperation.create(email("bob@")))));
    assertViolation(
        e.violations().get(0),
        0,
        "payload.email",
        Rule.EMAIL_FORMAT,
        "'bob@' is not a valid email");
    assertThat(e)
        .hasMessage(
            "CustomerProfileBatch breaks 1 rule: item 0: payload.email: EMAIL_FORMAT: 'bob@' is not a valid email");
  }

  @Test
  void upsertNeedsAnEmailUnlessItIsExplicitlyUpdateOnly() {
    assertViolation(
        single(() -> CustomerProfileBatch.of(List.of(CustomerProfileOperation.upsert(id("qm:1"))))),
        0,
        "payload.email",
        Rule.EMAIL_REQUIRED,
        "UPSERT of a customer needs an email, or upsertExisting(...) to update by customerId only");
    assertThat(
            CustomerProfileBatch.of(List.of(CustomerProfileOperation.upsertExisting(id("qm:1"))))
                .operations())
        .hasSize(1);
    assertViolation(
        single(
            () ->
                CustomerProfileBatch.of(
                    List.of(CustomerProfileOperation.upsertExisting(email("a@example.com"))))),
        0,
        "payload.customerId",
        Rule.IDENTIFIER_REQUIRED,
        "an update-only UPSERT needs a customerId");
    assertViolation(
        single(
            () ->
                CustomerProfileBatch.of(
                    List.of(
                        CustomerProfileOperation.upsertExisting(
                            CustomerProfile.builder()
                                .customerId("qm:1")
                                .email("not-an-email")
                                .build())))),
        0,
        "payload.email",
        Rule.EMAIL_FORMAT,
        "'not-an-email' is not a valid email");
    assertViolation(
        single(
            () -> CustomerProfileBatch.of(List.of(CustomerProfileOperation.upsert(email("x@y"))))),
        0,
        "payload.email",
        Rule.EMAIL_FORMAT,
        "'x@y' is not a valid email");
  }

  @Test
  void updateByCustomerIdAloneOrByEmailIsAcceptedButNotByNothing() {
    assertThat(
            CustomerProfileBatch.of(
                    List.of(
                        CustomerProfileOperation.update(id("qm:1")),
                        CustomerProfileOperation.update(email("b@example.com"))))
                .operations())
        .hasSize(2);
    assertViolation(
        single(
            () ->
                CustomerProfileBatch.of(
                    List.of(
                        CustomerProfileOperation.update(
                            CustomerProfile.builder()
                                .displayName("Nobody")
                                .customerId(" ")
                                .build())))),
        0,
        "payload",
        Rule.IDENTIFIER_REQUIRED,
        "UPDATE of a customer needs a customerId or an email");
    assertViolation(
        single(
            () ->
                CustomerProfileBatch.of(
                    List.of(
                        CustomerProfileOperation.update(
                            CustomerProfile.builder()
                                .customerId("qm:1")
                                .email("two@@example.com")
                                .build())))),
        0,
        "payload.email",
        Rule.EMAIL_FORMAT,
        "'two@@example.com' is not a valid email");
  }

  @Test
  void aDetailWithoutANameIsRefused() {
    assertViolation(
        single(
            () ->
                CustomerProfileBatch.of(
                    List.of(
                        CustomerProfileOperation.create(
                            CustomerProfile.builder()
                                .email("a@example.com")
                                .addDetails(Detail.of("Tier", "Gold"), Detail.of(" ", "x"))
                                .build())))),
        0,
        "payload.details[1].name",
        Rule.VALUE_REQUIRED,
        "a detail needs a name");
  }

  @Test
  void fiftyOperationsAreABatchAndFiftyOneAreNot() {
    assertThat(
            CustomerProfileBatch.of(
                    IntStream.range(0, 50).mapToObj(CustomerProfileBatchTest::create).toList())
                .items())
        .hasSize(50);
    assertViolation(
        single(
            () ->
                CustomerProfileBatch.of(
                    IntStream.range(0, 51).mapToObj(CustomerProfileBatchTest::create).toList())),
        50,
        "items",
        Rule.MAX_ITEMS,
        "a batch holds at most 50 items, this one has 51");
  }

  @Test
  void anEmptyBatchIsRefused() {
    assertViolation(
        single(() -> CustomerProfileBatch.builder().build()),
        -1,
        "items",
        Rule.NOT_EMPTY,
        "a batch needs at least one item");
    assertThatThrownBy(() -> CustomerProfileBatch.of(List.of()))
        .isInstanceOf(CsmValidationException.class)
        .hasMessage(
            "CustomerProfileBatch breaks 1 rule: batch: items: NOT_EMPTY: a batch needs at least one item");
  }

  @Test
  void theSameEmailOrCustomerIdTwiceIsRefusedIgnoringCaseAndSpaces() {
    List<Violation> all =
        violations(
            () ->
                CustomerProfileBatch.of(
                    List.of(
                        CustomerProfileOperation.create(email("alice@example.com")),
                        CustomerProfileOperation.update(id("qm:1")),
                        CustomerProfileOperation.create(email("ALICE@Example.com")),
                        CustomerProfileOperation.update(id("qm:1")))));
    assertThat(all).hasSize(2);
    assertViolation(
        all.get(0),
        2,
        "payload.email",
        Rule.DUPLICATE_EMAIL,
        "'ALICE@Example.com' is already used by item 0");
    assertViolation(
        all.get(1), 3, "payload.customerId", Rule.DUPLICATE_ID, "'qm:1' is already used by item 1");
  }

  @Test
  void everyBrokenRuleIsListedAndTheMessageNamesTheFirstFive() {
    List<CustomerProfileOperation> ops =
        IntStream.range(0, 7)
            .mapToObj(i -> CustomerProfileOperation.create(email("bad" + i)))
            .toList();
    CsmValidationException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            CsmValidationException.class, () -> CustomerProfileBatch.of(ops));
    assertThat(e.violations())
        .hasSize(7)
        .extracting(Violation::index)
        .containsExactly(0, 1, 2, 3, 4, 5, 6);
    assertThat(e.getMessage())
        .startsWith("CustomerProfileBatch breaks 7 rules: item 0: payload.email: EMAIL_FORMAT: ")
        .contains("item 4: payload.email")
        .doesNotContain("item 5:")
        .endsWith("; and 2 more");
  }

  @Test
  void aMissingRequiredAttributeIsAValidationErrorToo() {
    assertThatThrownBy(
            () -> CustomerProfileOperation.builder().payload(email("a@example.com")).build())
        .isInstanceOf(CsmValidationException.class)
        .hasMessageContaining("operationType");
  }
}
