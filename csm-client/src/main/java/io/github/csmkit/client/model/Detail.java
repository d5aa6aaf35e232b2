package io.github.csmkit.client.model;

import java.util.List;
import org.immutables.value.Value;

/** A detail-field value: the field's name and its values, always sent as an array of strings. */
@Value.Immutable
@CsmStyle
public abstract class Detail {
  Detail() {}

  /** The detail field's name, for example {@code "Phone"}. */
  public abstract String name();

  /** The values; a single-valued field has a one-element list, a DELETE none. */
  public abstract List<String> values();

  /** A detail with the given values. */
  public static Detail of(String name, String... values) {
    return builder().name(name).addValues(values).build();
  }

  /** A detail with the given values. */
  public static Detail of(String name, List<String> values) {
    return builder().name(name).values(values).build();
  }

  /** The values of the first detail named {@code name} in {@code details}; empty when none. */
  static List<String> valuesOf(List<Detail> details, String name) {
    return details.stream()
        .filter(d -> d.name().equals(name))
        .findFirst()
        .map(Detail::values)
        .orElse(List.of());
  }

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Detail}. */
  public static final class Builder extends ImmutableDetail.Builder {
    Builder() {}
  }
}
