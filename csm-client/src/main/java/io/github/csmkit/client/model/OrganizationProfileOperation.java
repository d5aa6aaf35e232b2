package io.github.csmkit.client.model;

import io.github.csmkit.client.error.Violation;
import io.github.csmkit.client.error.Violation.Rule;
import java.util.ArrayList;
import java.util.List;
import org.immutables.value.Value;

/** One item of an organization-profile batch: an operation type and the profile it applies to. */
@Value.Immutable
@CsmStyle
public abstract class OrganizationProfileOperation implements BatchItem {
  OrganizationProfileOperation() {}

  /** What the operation does: CREATE, UPDATE or UPSERT. */
  public abstract ProfileOperationType operationType();

  /** The profile the operation applies to. */
  public abstract OrganizationProfile payload();

  /** Creates an organization; the profile needs a name. */
  public static OrganizationProfileOperation create(OrganizationProfile profile) {
    return of(ProfileOperationType.CREATE, profile);
  }

  /** Updates an existing organization, found by id or name. */
  public static OrganizationProfileOperation update(OrganizationProfile profile) {
    return of(ProfileOperationType.UPDATE, profile);
  }

  /** Updates the organization with this name, or creates it; the profile needs a name. */
  public static OrganizationProfileOperation upsert(OrganizationProfile profile) {
    return of(ProfileOperationType.UPSERT, profile);
  }

  private static OrganizationProfileOperation of(
      ProfileOperationType type, OrganizationProfile profile) {
    return builder().operationType(type).payload(profile).build();
  }

  // computed once: the mapper, the engine's admission and the batch rules all ask
  @Value.Lazy
  @Override
  public List<Violation> violations() {
    List<Violation> out = new ArrayList<>();
    OrganizationProfile p = payload();
    if (operationType() == ProfileOperationType.UPDATE) {
      if (!Rules.present(p.id()) && !Rules.present(p.name())) {
        out.add(
            Violation.of(
                "payload",
                Rule.IDENTIFIER_REQUIRED,
                "UPDATE of an organization needs an id or a name"));
      }
    } else if (!Rules.present(p.name())) {
      out.add(
          Violation.of(
              "payload.name",
              Rule.NAME_REQUIRED,
              operationType() + " of an organization needs a name"));
    }
    Rules.details(p.details(), "payload.details", out);
    return List.copyOf(out);
  }

  @Override
  public List<String> keys() {
    List<String> keys = new ArrayList<>(2);
    payload().id().ifPresent(keys::add);
    payload().name().ifPresent(keys::add);
    return keys;
  }

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OrganizationProfileOperation}. */
  public static final class Builder extends ImmutableOrganizationProfileOperation.Builder {
    Builder() {}
  }
}
