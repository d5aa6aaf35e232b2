package io.github.csmkit.client.model;

import java.util.Optional;
import org.immutables.value.Value;

/** An organization as fetched from CSM: its id and name. */
@Value.Immutable
@CsmStyle
public abstract class OrganizationRef {
  OrganizationRef() {}

  public abstract String id();

  public abstract Optional<String> name();

  public static OrganizationRef of(String id, String name) {
    return builder().id(id).name(Optional.ofNullable(name)).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OrganizationRef}. */
  public static final class Builder extends ImmutableOrganizationRef.Builder {
    Builder() {}
  }
}
