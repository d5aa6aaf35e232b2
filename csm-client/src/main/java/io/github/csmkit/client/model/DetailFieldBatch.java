package io.github.csmkit.client.model;

import io.github.csmkit.client.error.Violation.Rule;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The body of {@code POST /api/v1/{customer|organization}/details/definitions/bulk}: 1 to 50 new
 * detail fields with distinct names (trimmed, case-insensitive). The server rejects the whole
 * request when any name already exists.
 */
@Value.Immutable
@CsmStyle
public abstract class DetailFieldBatch implements Batch<DetailFieldDefinition> {
  DetailFieldBatch() {}

  /** The definitions, in the order they are sent. */
  public abstract List<DetailFieldDefinition> definitions();

  @Override
  public List<DetailFieldDefinition> items() {
    return definitions();
  }

  @Value.Check
  void check() {
    Rules.checkBatch(
        "DetailFieldBatch",
        definitions(),
        new Rules.Uniqueness<>("name", Rule.DUPLICATE_NAME, d -> Optional.of(d.name())));
  }

  /** A batch of the given definitions; throws if they break a rule. */
  public static DetailFieldBatch of(List<DetailFieldDefinition> definitions) {
    return builder().definitions(definitions).build();
  }

  /**
   * A new, empty builder; its {@code build()} throws {@link
   * io.github.csmkit.client.error.CsmValidationException} naming every broken rule.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link DetailFieldBatch}; {@code build()} throws on a broken rule. */
  public static final class Builder extends ImmutableDetailFieldBatch.Builder {
    Builder() {}
  }
}
