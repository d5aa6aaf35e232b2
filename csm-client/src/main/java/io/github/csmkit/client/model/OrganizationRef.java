package io.github.csmkit.client.model;

import java.util.Optional;
import org.immutables.value.Value;

/** An organization as fetched from CSM: its id and name. */
@Value.Immutable
@CsmStyle
public abstract class OrganizationRef {
  OrganizationRef() {}

  /** The organization's id. */
  public abstract String id();

  /** The organization's name, if it has one. */
  public abstract Optional<String> name();

  /** An organization with this id and name; a null name is absent. */
  public static OrganizationRef of(String id, String name) {
    return builder().id(id).name(Optional.ofNullable(name)).build();
  }

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OrganizationRef}. */
  public static final class Builder extends ImmutableOrganizationRef.Builder {
    Builder() {}
  }
}
