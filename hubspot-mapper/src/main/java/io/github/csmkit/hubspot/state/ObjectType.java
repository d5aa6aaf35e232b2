package io.github.csmkit.hubspot.state;

/** The kind of HubSpot record a state row is about. */
public enum ObjectType {
  /** A HubSpot contact, mapped to a CSM customer. */
  CONTACT("contact"),
  /** A HubSpot company, mapped to a CSM organization. */
  COMPANY("company");

  private final String column;

  ObjectType(String column) {
    this.column = column;
  }

  /**
   * The value stored in the {@code object_type} column.
   *
   * @return {@code contact} or {@code company}
   */
  public String column() {
    return column;
  }

  /**
   * The type stored as {@code column}.
   *
   * @param column {@code contact} or {@code company}
   * @return the type
   * @throws IllegalArgumentException for any other value
   */
  public static ObjectType ofColumn(String column) {
    for (ObjectType t : values()) {
      if (t.column.equals(column)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown object type in the state: " + column);
  }
}
