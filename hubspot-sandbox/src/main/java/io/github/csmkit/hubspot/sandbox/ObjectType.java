package io.github.csmkit.hubspot.sandbox;

import java.util.List;

/** The HubSpot object types the sandbox serves. */
public enum ObjectType {
  /** Contacts ({@code /crm/v3/objects/contacts}, object type id {@code 0-1}). */
  CONTACTS(
      "contacts", "contact", "0-1", "lastmodifieddate", List.of("firstname", "lastname", "email")),
  /** Companies ({@code /crm/v3/objects/companies}, object type id {@code 0-2}). */
  COMPANIES("companies", "company", "0-2", "hs_lastmodifieddate", List.of("name", "domain"));

  private final String path;
  private final String singular;
  private final String typeId;
  private final String modifiedProperty;
  private final String defaultProperties;

  ObjectType(
      String path,
      String singular,
      String typeId,
      String modifiedProperty,
      List<String> defaultProperties) {
    this.path = path;
    this.singular = singular;
    this.typeId = typeId;
    this.modifiedProperty = modifiedProperty;
    this.defaultProperties = String.join(",", defaultProperties);
  }

  /**
   * The name in URLs, e.g. {@code contacts}.
   *
   * @return the plural path segment
   */
  public String path() {
    return path;
  }

  /**
   * The property HubSpot sets on every change: {@code lastmodifieddate} for contacts, {@code
   * hs_lastmodifieddate} for companies.
   *
   * @return the property's internal name
   */
  public String modifiedProperty() {
    return modifiedProperty;
  }

  /**
   * The properties HubSpot returns when a request names none (besides {@code hs_object_id}, {@code
   * createdate} and the modification date, which come always).
   *
   * @return the default property names
   */
  public List<String> defaultProperties() {
    return List.of(defaultProperties.split(","));
  }

  /** The singular name used in error messages and association type names. */
  String singular() {
    return singular;
  }

  /** The type named in a URL (plural, singular or object type id), or null. */
  static ObjectType fromPath(String segment) {
    for (ObjectType t : values()) {
      if (t.path.equals(segment) || t.singular.equals(segment) || t.typeId.equals(segment)) {
        return t;
      }
    }
    return null;
  }
}
