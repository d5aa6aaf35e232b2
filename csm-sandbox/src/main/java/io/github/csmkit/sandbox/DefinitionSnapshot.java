package io.github.csmkit.sandbox;

import java.util.List;

/**
 * A detail-field definition held by the sandbox.
 *
 * @param tenant the tenant (cloud id, or {@code default})
 * @param kind the entity it belongs to
 * @param name its name
 * @param type its type, e.g. {@code TEXT} or {@code SELECT}
 * @param options the options of a SELECT or MULTISELECT field (empty otherwise)
 * @param position its position, from 1
 */
public record DefinitionSnapshot(
    String tenant, EntityKind kind, String name, String type, List<String> options, int position) {
  /** Copies the list. */
  public DefinitionSnapshot {
    options = List.copyOf(options);
  }
}
