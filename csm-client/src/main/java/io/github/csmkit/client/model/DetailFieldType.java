package io.github.csmkit.client.model;

import java.util.List;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The type of a detail field, {@code {"name":"SELECT","options":["AU","EU"]}}. Known names are
 * TEXT, SELECT, MULTISELECT, DATE, NUMBER, EMAIL, PHONE and URL; a name read from the server that
 * is not among them is kept as it is.
 */
@Value.Immutable
@CsmStyle
public abstract class DetailFieldType {
  /** The most options a select field may have (the CSM UI's limit). */
  public static final int MAX_OPTIONS = 50;

  static final Set<String> SELECTS = Set.of("SELECT", "MULTISELECT");

  DetailFieldType() {}

  /** The type's API name, for example {@code "SELECT"}. */
  public abstract String name();

  /** The options of a SELECT or MULTISELECT field; empty for other types. */
  public abstract List<String> options();

  /** True for SELECT and MULTISELECT. */
  public boolean isSelect() {
    return SELECTS.contains(name());
  }

  /** A TEXT field. */
  public static DetailFieldType text() {
    return of("TEXT");
  }

  /** A NUMBER field. */
  public static DetailFieldType number() {
    return of("NUMBER");
  }

  /** A DATE field. */
  public static DetailFieldType date() {
    return of("DATE");
  }

  /** An EMAIL field. */
  public static DetailFieldType email() {
    return of("EMAIL");
  }

  /** A PHONE field. */
  public static DetailFieldType phone() {
    return of("PHONE");
  }

  /** A URL field. */
  public static DetailFieldType url() {
    return of("URL");
  }

  /** A single-select dropdown with these options. */
  public static DetailFieldType select(String... options) {
    return builder().name("SELECT").addOptions(options).build();
  }

  /** A single-select dropdown with these options. */
  public static DetailFieldType select(List<String> options) {
    return builder().name("SELECT").options(options).build();
  }

  /** A multi-select dropdown with these options. */
  public static DetailFieldType multiSelect(String... options) {
    return builder().name("MULTISELECT").addOptions(options).build();
  }

  /** A multi-select dropdown with these options. */
  public static DetailFieldType multiSelect(List<String> options) {
    return builder().name("MULTISELECT").options(options).build();
  }

  /** A type by its API name, without options. */
  public static DetailFieldType of(String name) {
    return builder().name(name).build();
  }

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link DetailFieldType}. */
  public static final class Builder extends ImmutableDetailFieldType.Builder {
    Builder() {}
  }
}
