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

/** Customer accounts: the guide's body and the rules. */
class CustomerAccountBatchTest {
  @Test
  void accountsAreSentInTheGuidesShape() {
    CustomerAccountBatch batch =
        CustomerAccountBatch.of(
            List.of(
                CustomerAccount.of("john.doe@example.com", "John Doe"),
                CustomerAccount.of("jane@example.com")));
    assertJson(
        WireWriter.write(batch),
        """
        {"customers":[{"email":"john.doe@example.com","displayName":"John Doe"},{"email":"jane@example.com"}]}
        """);
    assertThat(new String(WireWriter.write(batch), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"customers\":[{\"email\":\"john.doe@example.com\",\"displayName\":\"John Doe\"},"
                + "{\"email\":\"jane@example.com\"}]}");
    assertThat(batch.items()).isSameAs(batch.accounts());
    assertThat(batch.accounts().get(0).keys()).containsExactly("john.doe@example.com");
  }

  @Test
  void anAccountNeedsAValidEmail() {
    assertViolation(
        single(
            () ->
                CustomerAccountBatch.of(
                    List.of(CustomerAccount.of("a@example.com"), CustomerAccount.of("")))),
        1,
        "email",
        Rule.EMAIL_REQUIRED,
        "a customer account needs an email");
    assertViolation(
        single(
            () -> CustomerAccountBatch.of(List.of(CustomerAccount.of("no-at-sign.example.com")))),
        0,
        "email",
        Rule.EMAIL_FORMAT,
        "'no-at-sign.example.com' is not a valid email");
    assertThatThrownBy(() -> CustomerAccount.builder().displayName("No Email").build())
        .isInstanceOf(CsmValidationException.class)
        .hasMessageContaining("email");
  }

  @Test
  void anEmailTwiceIsRefusedIgnoringCase() {
    List<Violation> all =
        violations(
            () ->
                CustomerAccountBatch.of(
                    List.of(
                        CustomerAccount.of("a@example.com"),
                        CustomerAccount.of("b@example.com"),
                        CustomerAccount.of("A@EXAMPLE.COM"))));
    assertThat(all).hasSize(1);
    assertViolation(
        all.get(0), 2, "email", Rule.DUPLICATE_EMAIL, "'A@EXAMPLE.COM' is already used by item 0");
  }

  @Test
  void fiftyOkFiftyOneNotNoneNot() {
    assertThat(
            CustomerAccountBatch.of(
                    IntStream.range(0, 50)
                        .mapToObj(i -> CustomerAccount.of("c" + i + "@example.com"))
                        .toList())
                .accounts())
        .hasSize(50);
    assertViolation(
        single(
            () ->
                CustomerAccountBatch.of(
                    IntStream.range(0, 51)
                        .mapToObj(i -> CustomerAccount.of("c" + i + "@example.com"))
                        .toList())),
        50,
        "items",
        Rule.MAX_ITEMS,
        "a batch holds at most 50 items, this one has 51");
    assertViolation(
        single(() -> CustomerAccountBatch.builder().build()),
        -1,
        "items",
        Rule.NOT_EMPTY,
        "a batch needs at least one item");
  }

  @Test
  void aBatchOverTheLimitWithBadItemsListsBoth() {
    List<CustomerAccount> accounts =
        new java.util.ArrayList<>(
            IntStream.range(0, 51)
                .mapToObj(i -> CustomerAccount.of("c" + i + "@example.com"))
                .toList());
    accounts.set(3, CustomerAccount.of("broken"));
    List<Violation> all = violations(() -> CustomerAccountBatch.of(accounts));
    assertThat(all).extracting(Violation::rule).containsExactly(Rule.MAX_ITEMS, Rule.EMAIL_FORMAT);
    assertThat(all.get(1).index()).isEqualTo(3);
    assertThat(all.get(1))
        .hasToString("item 3: email: EMAIL_FORMAT: 'broken' is not a valid email");
    assertThat(all.get(0))
        .hasToString("item 50: items: MAX_ITEMS: a batch holds at most 50 items, this one has 51");
  }
}
