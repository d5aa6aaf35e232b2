package io.github.csmkit.client.model;

import io.github.csmkit.client.error.Violation;
import io.github.csmkit.client.error.Violation.Rule;
import java.util.ArrayList;
import java.util.List;
import org.immutables.value.Value;

/** One item of a customer-profile batch: an operation type and the profile it applies to. */
@Value.Immutable
@CsmStyle
public abstract class CustomerProfileOperation implements BatchItem {
  CustomerProfileOperation() {}

  /** What the operation does: CREATE, UPDATE or UPSERT. */
  public abstract ProfileOperationType operationType();

  /** The profile the operation applies to. */
  public abstract CustomerProfile payload();

  /**
   * True for an UPSERT that may only update: it is identified by customer id alone, and the server
   * will not create a customer it does not know. Not sent on the wire.
   */
  @Value.Default
  public boolean existingOnly() {
    return false;
  }

  /** Creates a customer; the profile needs an email. */
  public static CustomerProfileOperation create(CustomerProfile profile) {
    return of(ProfileOperationType.CREATE, profile, false);
  }

  /** Updates an existing customer, found by customer id or email. */
  public static CustomerProfileOperation update(CustomerProfile profile) {
    return of(ProfileOperationType.UPDATE, profile, false);
  }

  /** Updates the customer with this email, or creates it; the profile needs an email. */
  public static CustomerProfileOperation upsert(CustomerProfile profile) {
    return of(ProfileOperationType.UPSERT, profile, false);
  }

  /**
   * An UPSERT by customer id alone, explicitly choosing that it never creates: "providing only
   * customerId won't create new customers if they don't exist" (the guide).
   */
  public static CustomerProfileOperation upsertExisting(CustomerProfile profile) {
    return of(ProfileOperationType.UPSERT, profile, true);
  }

  private static CustomerProfileOperation of(
      ProfileOperationType type, CustomerProfile profile, boolean existingOnly) {
    return builder().operationType(type).payload(profile).existingOnly(existingOnly).build();
  }

  // computed once: the mapper, the engine's admission and the batch rules all ask
  @Value.Lazy
  @Override
  public List<Violation> violations() {
    List<Violation> out = new ArrayList<>();
    CustomerProfile p = payload();
    switch (operationType()) {
      case CREATE ->
          Rules.email(p.email(), "payload.email", true, "CREATE of a customer needs an email", out);
      case UPSERT -> {
        if (existingOnly()) {
          if (!Rules.present(p.customerId())) {
            out.add(
                Violation.of(
                    "payload.customerId",
                    Rule.IDENTIFIER_REQUIRED,
                    "an update-only UPSERT needs a customerId"));
          }
          Rules.email(p.email(), "payload.email", false, "", out);
        } else {
          Rules.email(
              p.email(),
              "payload.email",
              true,
              "UPSERT of a customer needs an email, or upsertExisting(...) to update by customerId only",
              out);
        }
      }
      case UPDATE -> {
        if (!Rules.present(p.customerId()) && !Rules.present(p.email())) {
          out.add(
              Violation.of(
                  "payload",
                  Rule.IDENTIFIER_REQUIRED,
                  "UPDATE of a customer needs a customerId or an email"));
        }
        Rules.email(p.email(), "payload.email", false, "", out);
      }
    }
    Rules.details(p.details(), "payload.details", out);
    return List.copyOf(out);
  }

  @Override
  public List<String> keys() {
    List<String> keys = new ArrayList<>(2);
    payload().customerId().ifPresent(keys::add);
    payload().email().ifPresent(keys::add);
    return keys;
  }

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link CustomerProfileOperation}. */
  public static final class Builder extends ImmutableCustomerProfileOperation.Builder {
    Builder() {}
  }
}
