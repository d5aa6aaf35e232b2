package io.github.csmkit.client.model;

import io.github.csmkit.client.error.Violation;
import io.github.csmkit.client.error.Violation.Rule;
import java.util.ArrayList;
import java.util.List;
import org.immutables.value.Value;

/** A detail field of customers or organizations: its name and type. */
@Value.Immutable
@CsmStyle
public abstract class DetailFieldDefinition implements BatchItem {
  DetailFieldDefinition() {}

  /** The field's name. */
  public abstract String name();

  /** The field's type, with its options for a select field. */
  public abstract DetailFieldType type();

  /** A definition with this name and type. */
  public static DetailFieldDefinition of(String name, DetailFieldType type) {
    return builder().name(name).type(type).build();
  }

  // computed once: the mapper, the engine's admission and the batch rules all ask
  @Value.Lazy
  @Override
  public List<Violation> violations() {
    List<Violation> out = new ArrayList<>();
    if (name().isBlank()) {
      out.add(Violation.of("name", Rule.NAME_REQUIRED, "a detail field needs a name"));
    }
    DetailFieldType type = type();
    if (type.isSelect() && type.options().isEmpty()) {
      out.add(
          Violation.of("type.options", Rule.OPTIONS, type.name() + " needs at least one option"));
    } else if (type.options().size() > DetailFieldType.MAX_OPTIONS) {
      out.add(
          Violation.of(
              "type.options",
              Rule.OPTIONS,
              "at most "
                  + DetailFieldType.MAX_OPTIONS
                  + " options, this one has "
                  + type.options().size()));
    } else if (!type.isSelect() && !type.options().isEmpty()) {
      out.add(Violation.of("type.options", Rule.OPTIONS, type.name() + " takes no options"));
    }
    return List.copyOf(out);
  }

  @Override
  public List<String> keys() {
    return List.of(name());
  }

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link DetailFieldDefinition}. */
  public static final class Builder extends ImmutableDetailFieldDefinition.Builder {
    Builder() {}
  }
}
