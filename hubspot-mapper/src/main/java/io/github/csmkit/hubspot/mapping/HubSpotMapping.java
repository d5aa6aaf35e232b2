package io.github.csmkit.hubspot.mapping;

import io.github.csmkit.client.error.Violation;
import io.github.csmkit.client.model.DetailFieldDefinition;
import io.github.csmkit.client.model.ProfileOperationType;
import java.io.Reader;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The HubSpot → CSM mapping: which property identifies a customer, how the display name and the
 * organization are found, which properties become which detail fields, the operation type, and how
 * strict the mapping is. Immutable; {@link #defaults()} is the migration guide's mapping table.
 *
 * <p>Loaded from JSON or YAML with {@link #load(Path)}, written as YAML with {@link #write(Path)} ;
 * the format is described in {@code docs/HUBSPOT.md}.
 */
public final class HubSpotMapping {
  /** The most detail fields CSM allows customers (and organizations) to have. */
  public static final int MAX_FIELDS = 50;

  private final ProfileOperationType operationType;
  private final boolean strict;
  private final ZoneId timeZone;
  private final String emailProperty;
  private final List<String> displayNameProperties;
  private final String organizationProperty;
  private final List<PropertyMapping> customerFields;
  private final String organizationNameProperty;
  private final String organizationFallbackNameProperty;
  private final List<PropertyMapping> organizationFields;

  private HubSpotMapping(Builder b) {
    this.operationType = Objects.requireNonNull(b.operationType, "operationType");
    this.strict = b.strict;
    this.timeZone = Objects.requireNonNull(b.timeZone, "timeZone");
    this.emailProperty = Objects.requireNonNull(b.emailProperty, "emailProperty");
    this.displayNameProperties = List.copyOf(b.displayNameProperties);
    this.organizationProperty = b.organizationProperty;
    this.customerFields = List.copyOf(b.customerFields);
    this.organizationNameProperty =
        Objects.requireNonNull(b.organizationNameProperty, "organizationNameProperty");
    this.organizationFallbackNameProperty = b.organizationFallbackNameProperty;
    this.organizationFields = List.copyOf(b.organizationFields);
    checkFields(customerFields, "customers");
    checkFields(organizationFields, "organizations");
  }

  /**
   * CSM's limits, checked when the mapping is made so that a mistake stops the migration before any
   * request: at most {@value #MAX_FIELDS} fields an entity, each a valid definition (at most 50
   * options a select field), names unique ignoring case. The builder checks each field as it is
   * added, so that a file's error names the entry.
   */
  private static void checkFields(List<PropertyMapping> fields, String where) {
    for (int i = 0; i < fields.size(); i++) {
      checkField(fields.subList(0, i), fields.get(i), where);
    }
    if (fields.size() > MAX_FIELDS) {
      throw new IllegalArgumentException(
          where
              + ": "
              + fields.size()
              + " detail fields, more than the "
              + MAX_FIELDS
              + " CSM allows an entity");
    }
  }

  /** Checks that {@code f} is a valid definition whose name none of {@code before} has. */
  private static void checkField(List<PropertyMapping> before, PropertyMapping f, String where) {
    for (PropertyMapping other : before) {
      if (other.field().equalsIgnoreCase(f.field())) {
        throw new IllegalArgumentException(
            where
                + ": detail field '"
                + f.field()
                + "' is mapped twice (from '"
                + other.property()
                + "' as '"
                + other.field()
                + "' and from '"
                + f.property()
                + "'): CSM compares field names ignoring case");
      }
    }
    List<Violation> violations = f.definition().violations();
    if (!violations.isEmpty()) {
      throw new IllegalArgumentException(
          where + ": detail field '" + f.field() + "': " + violations.get(0).message());
    }
  }

  /**
   * The guide's mapping: {@code email} identifies the customer; {@code firstname} + {@code
   * lastname} → display name (else the email); {@code company} → organization name and the
   * "Company" detail; {@code phone} → "Phone"; {@code hs_lead_status} → "support-tier" (SELECT of
   * the lead-status labels); {@code lifecyclestage} → "lifecycle" (TEXT, as its label); companies:
   * {@code name} → name (else {@code domain}), {@code industry} → "Industry" (label), {@code
   * website} → "Website", {@code numberofemployees} → "Employee Count" (NUMBER). CREATE operations,
   * not strict, UTC.
   */
  public static HubSpotMapping defaults() {
    return MappingDefaults.MAPPING;
  }

  /** A builder starting from the guide's identification rules and no detail fields. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder with this mapping's settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.operationType = operationType;
    b.strict = strict;
    b.timeZone = timeZone;
    b.emailProperty = emailProperty;
    b.displayNameProperties = new ArrayList<>(displayNameProperties);
    b.organizationProperty = organizationProperty;
    b.customerFields.addAll(customerFields);
    b.organizationNameProperty = organizationNameProperty;
    b.organizationFallbackNameProperty = organizationFallbackNameProperty;
    b.organizationFields.addAll(organizationFields);
    return b;
  }

  /** The operation customers are sent with; default CREATE, as in the guide. */
  public ProfileOperationType operationType() {
    return operationType;
  }

  /** When true, a value that cannot be mapped rejects the record instead of being left out. */
  public boolean strict() {
    return strict;
  }

  /** The zone of date-times without an offset, and of dates taken from instants; default UTC. */
  public ZoneId timeZone() {
    return timeZone;
  }

  /** The contact property holding the email; default {@code email}. */
  public String emailProperty() {
    return emailProperty;
  }

  /**
   * The contact properties joined with a space for the display name; default firstname, lastname.
   */
  public List<String> displayNameProperties() {
    return displayNameProperties;
  }

  /**
   * The contact property naming the customer's organization, or null for none; default {@code
   * company}.
   */
  public String organizationProperty() {
    return organizationProperty;
  }

  /** The contact property → customer detail field mappings. */
  public List<PropertyMapping> customerFields() {
    return customerFields;
  }

  /** The company property holding the organization name; default {@code name}. */
  public String organizationNameProperty() {
    return organizationNameProperty;
  }

  /** The company property used when the name is empty, or null; default {@code domain}. */
  public String organizationFallbackNameProperty() {
    return organizationFallbackNameProperty;
  }

  /** The company property → organization detail field mappings. */
  public List<PropertyMapping> organizationFields() {
    return organizationFields;
  }

  /** The customer detail fields to create in CSM, one per field name. */
  public List<DetailFieldDefinition> customerFieldDefinitions() {
    return definitions(customerFields);
  }

  /** The organization detail fields to create in CSM, one per field name. */
  public List<DetailFieldDefinition> organizationFieldDefinitions() {
    return definitions(organizationFields);
  }

  private static List<DetailFieldDefinition> definitions(List<PropertyMapping> fields) {
    Map<String, DetailFieldDefinition> out = new LinkedHashMap<>();
    for (PropertyMapping f : fields) {
      out.putIfAbsent(f.field().toLowerCase(Locale.ROOT), f.definition());
    }
    return List.copyOf(out.values());
  }

  /** The HubSpot contact properties the mapping reads (for the API reader's property list). */
  public List<String> contactProperties() {
    List<String> out = new ArrayList<>();
    out.add(emailProperty);
    out.addAll(displayNameProperties);
    if (organizationProperty != null) {
      out.add(organizationProperty);
    }
    customerFields.forEach(f -> out.add(f.property()));
    out.add("lastmodifieddate");
    return out.stream().distinct().toList();
  }

  /** The HubSpot company properties the mapping reads (for the API reader's property list). */
  public List<String> companyProperties() {
    List<String> out = new ArrayList<>();
    out.add(organizationNameProperty);
    if (organizationFallbackNameProperty != null) {
      out.add(organizationFallbackNameProperty);
    }
    organizationFields.forEach(f -> out.add(f.property()));
    return out.stream().distinct().toList();
  }

  /**
   * Reads a mapping file: JSON when the name ends in {@code .json}, else YAML. Keys left out take
   * the {@link #defaults()}' values; a {@code fields} list replaces the default list.
   *
   * @throws MappingFileException when the file cannot be read, is malformed, has an unknown key or
   *     a value of the wrong type (naming the key and line), or describes an invalid mapping; or,
   *     for a YAML file, when jackson-dataformat-yaml (an optional dependency) is missing
   */
  public static HubSpotMapping load(Path file) {
    return MappingCodec.load(file);
  }

  /**
   * Reads a mapping from text; see {@link #load(Path)}.
   *
   * @param in the text
   * @param name the name used in error messages
   * @param json true for JSON, false for YAML
   * @throws MappingFileException when the mapping is malformed or invalid, or YAML is asked for and
   *     jackson-dataformat-yaml (an optional dependency) is missing
   */
  public static HubSpotMapping parse(Reader in, String name, boolean json) {
    return MappingCodec.parse(in, name, json);
  }

  /**
   * This mapping as a YAML document, the format {@link #load(Path)} reads.
   *
   * @throws IllegalStateException when jackson-dataformat-yaml (an optional dependency) is missing
   */
  public String toYaml() {
    return MappingCodec.toYaml(this);
  }

  /**
   * Writes this mapping as YAML (what {@code csmkit mapping init} does).
   *
   * @throws java.io.UncheckedIOException when the file cannot be written
   * @throws IllegalStateException when jackson-dataformat-yaml (an optional dependency) is missing
   */
  public void write(Path file) {
    MappingCodec.write(this, file);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HubSpotMapping m
        && operationType == m.operationType
        && strict == m.strict
        && timeZone.equals(m.timeZone)
        && emailProperty.equals(m.emailProperty)
        && displayNameProperties.equals(m.displayNameProperties)
        && Objects.equals(organizationProperty, m.organizationProperty)
        && customerFields.equals(m.customerFields)
        && organizationNameProperty.equals(m.organizationNameProperty)
        && Objects.equals(organizationFallbackNameProperty, m.organizationFallbackNameProperty)
        && organizationFields.equals(m.organizationFields);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        operationType, strict, timeZone, emailProperty, customerFields, organizationFields);
  }

  @Override
  public String toString() {
    return "HubSpotMapping["
        + operationType
        + ", "
        + customerFields.size()
        + " customer fields, "
        + organizationFields.size()
        + " organization fields]";
  }

  /** Builds a {@link HubSpotMapping}. */
  public static final class Builder {
    private ProfileOperationType operationType = ProfileOperationType.CREATE;
    private boolean strict;
    private ZoneId timeZone = ZoneOffset.UTC;
    private String emailProperty = "email";
    private List<String> displayNameProperties = new ArrayList<>(List.of("firstname", "lastname"));
    private String organizationProperty = "company";
    private final List<PropertyMapping> customerFields = new ArrayList<>();
    private String organizationNameProperty = "name";
    private String organizationFallbackNameProperty = "domain";
    private final List<PropertyMapping> organizationFields = new ArrayList<>();

    private Builder() {}

    /** CREATE (default), UPSERT or UPDATE. */
    public Builder operationType(ProfileOperationType operationType) {
      this.operationType = operationType;
      return this;
    }

    /** Reject records with unmappable values instead of leaving the values out; default false. */
    public Builder strict(boolean strict) {
      this.strict = strict;
      return this;
    }

    /** The zone for date-times without offset; default UTC. */
    public Builder timeZone(ZoneId timeZone) {
      this.timeZone = timeZone;
      return this;
    }

    /** The contact property holding the email. */
    public Builder emailProperty(String emailProperty) {
      this.emailProperty = emailProperty;
      return this;
    }

    /** The contact properties joined for the display name. */
    public Builder displayNameProperties(List<String> properties) {
      this.displayNameProperties = new ArrayList<>(properties);
      return this;
    }

    /** The contact property naming the organization, or null for none. */
    public Builder organizationProperty(String property) {
      this.organizationProperty = property;
      return this;
    }

    /**
     * Adds a customer detail field mapping.
     *
     * @throws IllegalArgumentException when CSM would refuse the field (more than 50 options) or
     *     another field has its name, ignoring case
     */
    public Builder addCustomerField(PropertyMapping mapping) {
      checkField(customerFields, Objects.requireNonNull(mapping), "customers");
      customerFields.add(mapping);
      return this;
    }

    /** Removes every customer detail field mapping. */
    public Builder clearCustomerFields() {
      customerFields.clear();
      return this;
    }

    /** The company property holding the organization name. */
    public Builder organizationNameProperty(String property) {
      this.organizationNameProperty = property;
      return this;
    }

    /** The company property used when the name is empty, or null for none. */
    public Builder organizationFallbackNameProperty(String property) {
      this.organizationFallbackNameProperty = property;
      return this;
    }

    /**
     * Adds an organization detail field mapping.
     *
     * @throws IllegalArgumentException when CSM would refuse the field (more than 50 options) or
     *     another field has its name, ignoring case
     */
    public Builder addOrganizationField(PropertyMapping mapping) {
      checkField(organizationFields, Objects.requireNonNull(mapping), "organizations");
      organizationFields.add(mapping);
      return this;
    }

    /** Removes every organization detail field mapping. */
    public Builder clearOrganizationFields() {
      organizationFields.clear();
      return this;
    }

    /**
     * The mapping.
     *
     * @throws IllegalArgumentException when a field is mapped twice (names ignoring case), is
     *     invalid, or an entity has more than {@value HubSpotMapping#MAX_FIELDS} fields
     * @throws NullPointerException when a required property name is null
     */
    public HubSpotMapping build() {
      return new HubSpotMapping(this);
    }
  }
}
