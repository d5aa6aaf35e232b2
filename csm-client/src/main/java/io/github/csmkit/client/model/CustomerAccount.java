package io.github.csmkit.client.model;

import io.github.csmkit.client.error.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A basic customer account for {@code POST /api/v1/customer/bulk}: an email and, optionally, a
 * display name (the server uses the email when there is none).
 */
@Value.Immutable
@CsmStyle
public abstract class CustomerAccount implements BatchItem {
  CustomerAccount() {}

  /** The customer's email. */
  public abstract String email();

  /** The display name; when absent the server uses the email. */
  public abstract Optional<String> displayName();

  /** An account with this email and display name. */
  public static CustomerAccount of(String email, String displayName) {
    return builder().email(email).displayName(displayName).build();
  }

  /** An account with this email, displayed by its email. */
  public static CustomerAccount of(String email) {
    return builder().email(email).build();
  }

  // computed once: the mapper, the engine's admission and the batch rules all ask
  @Value.Lazy
  @Override
  public List<Violation> violations() {
    List<Violation> out = new ArrayList<>();
    Rules.email(Optional.of(email()), "email", true, "a customer account needs an email", out);
    return List.copyOf(out);
  }

  @Override
  public List<String> keys() {
    return List.of(email());
  }

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link CustomerAccount}. */
  public static final class Builder extends ImmutableCustomerAccount.Builder {
    Builder() {}
  }
}
