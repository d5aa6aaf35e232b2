package io.github.csmkit.hubspot.mapping;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.csmkit.client.model.DetailFieldDefinition;
import io.github.csmkit.client.model.DetailFieldType;
import io.github.csmkit.client.model.ProfileOperationType;
import io.github.csmkit.hubspot.internal.YamlSupport;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
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
 * <p>Loaded from JSON or YAML with {@link #load(Path)}, written as YAML with {@link #write(Path)};
 * the format is described in {@code docs/HUBSPOT.md}.
 */
public final class HubSpotMapping {
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
          .build();

  /** The lead-status options, in HubSpot's order, as labels: the default "support-tier" options. */
  static final Map<String, String> LEAD_STATUS = new LinkedHashMap<>();

  /** The lifecycle stages, value → label. */
  static final Map<String, String> LIFECYCLE = new LinkedHashMap<>();

  static {
    LEAD_STATUS.put("NEW", "New");
    LEAD_STATUS.put("OPEN", "Open");
    LEAD_STATUS.put("IN_PROGRESS", "In Progress");
    LEAD_STATUS.put("OPEN_DEAL", "Open Deal");
    LEAD_STATUS.put("UNQUALIFIED", "Unqualified");
    LEAD_STATUS.put("ATTEMPTED_TO_CONTACT", "Attempted to Contact");
    LEAD_STATUS.put("CONNECTED", "Connected");
    LEAD_STATUS.put("BAD_TIMING", "Bad Timing");
    LIFECYCLE.put("subscriber", "Subscriber");
    LIFECYCLE.put("lead", "Lead");
    LIFECYCLE.put("marketingqualifiedlead", "Marketing Qualified Lead");
    LIFECYCLE.put("salesqualifiedlead", "Sales Qualified Lead");
    LIFECYCLE.put("opportunity", "Opportunity");
    LIFECYCLE.put("customer", "Customer");
    LIFECYCLE.put("evangelist", "Evangelist");
    LIFECYCLE.put("other", "Other");
  }

  private static final HubSpotMapping DEFAULTS =
      builder()
          .addCustomerField(PropertyMapping.text("phone", "Phone"))
          .addCustomerField(PropertyMapping.text("company", "Company"))
          .addCustomerField(
              PropertyMapping.builder("hs_lead_status", "support-tier")
                  .type(DetailFieldType.select(List.copyOf(LEAD_STATUS.values())))
                  .values(LEAD_STATUS)
                  .build())
          .addCustomerField(
              PropertyMapping.builder("lifecyclestage", "lifecycle")
                  .values(LIFECYCLE)
                  .labels(true)
                  .build())
          .addOrganizationField(
              PropertyMapping.builder("industry", "Industry").labels(true).build())
          .addOrganizationField(PropertyMapping.text("website", "Website"))
          .addOrganizationField(
              PropertyMapping.builder("numberofemployees", "Employee Count")
                  .type(DetailFieldType.number())
                  .build())
          .build();

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
    checkUnique(customerFields, "customers");
    checkUnique(organizationFields, "organizations");
  }

  private static void checkUnique(List<PropertyMapping> fields, String where) {
    Map<String, PropertyMapping> seen = new LinkedHashMap<>();
    for (PropertyMapping f : fields) {
      PropertyMapping other = seen.putIfAbsent(f.field().toLowerCase(Locale.ROOT), f);
      if (other != null && !other.type().equals(f.type())) {
        throw new IllegalArgumentException(
            where + ": detail field '" + f.field() + "' is mapped twice with different types");
      }
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
    return DEFAULTS;
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

  // ---- files ------------------------------------------------------------------------------------

  /**
   * Reads a mapping file: JSON when the name ends in {@code .json}, else YAML. Keys left out take
   * the {@link #defaults()}' values; a {@code fields} list replaces the default list.
   *
   * @throws MappingFileException when the file cannot be read, is malformed, has an unknown key or
   *     a value of the wrong type (naming the key and line), or describes an invalid mapping; or,
   *     for a YAML file, when jackson-dataformat-yaml (an optional dependency) is missing
   */
  public static HubSpotMapping load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MappingFileException(file + ": cannot read the mapping file: " + e, "", 0, e);
    }
    boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    return parse(new StringReader(text), file.toString(), json);
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
    ObjectMapper mapper;
    try {
      mapper = json ? JSON : YamlSupport.mapper();
    } catch (IllegalStateException e) {
      throw new MappingFileException(name + ": " + e.getMessage(), "", 0, e);
    }
    MappingFile.Root root;
    try {
      root = mapper.readValue(in, MappingFile.Root.class);
    } catch (JsonMappingException e) {
      throw fileError(name, e);
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      int line = loc == null ? 0 : loc.getLineNr();
      throw new MappingFileException(
          name
              + (line > 0 ? ":" + line : "")
              + ": not valid "
              + (json ? "JSON" : "YAML")
              + ": "
              + e.getOriginalMessage(),
          "",
          line,
          e);
    } catch (IOException e) {
      throw new MappingFileException(name + ": cannot read the mapping: " + e, "", 0, e);
    }
    if (root == null) {
      throw new MappingFileException(name + ": the mapping file is empty", "", 0, null);
    }
    return fromFile(root, name);
  }

  private static MappingFileException fileError(String name, JsonMappingException e) {
    StringBuilder key = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        if (key.length() > 0) {
          key.append('.');
        }
        key.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        key.append('[').append(r.getIndex()).append(']');
      }
    }
    JsonLocation loc = e.getLocation();
    int line = loc == null ? 0 : loc.getLineNr();
    String what;
    if (e instanceof UnrecognizedPropertyException u) {
      what =
          "unknown key '" + u.getPropertyName() + "' (known keys: " + u.getKnownPropertyIds() + ")";
    } else {
      what =
          "wrong value for '" + key + "': " + e.getOriginalMessage().replaceAll("\\s+at \\[.*", "");
    }
    return new MappingFileException(
        name + (line > 0 ? ":" + line : "") + ": " + what + " at key '" + key + "'",
        key.toString(),
        line,
        e);
  }

  private static HubSpotMapping fromFile(MappingFile.Root root, String name) {
    Builder b = defaults().toBuilder();
    String key = "";
    try {
      if (root.operationType() != null) {
        b.operationType(root.operationType());
      }
      if (root.strict() != null) {
        b.strict(root.strict());
      }
      if (root.timeZone() != null) {
        key = "timeZone";
        b.timeZone(ZoneId.of(root.timeZone()).normalized());
      }
      MappingFile.Customers c = root.customers();
      if (c != null) {
        if (c.email() != null) {
          b.emailProperty(c.email());
        }
        if (c.displayName() != null) {
          b.displayNameProperties(c.displayName());
        }
        if (c.organizationName() != null) {
          b.organizationProperty(c.organizationName().isBlank() ? null : c.organizationName());
        }
        if (c.fields() != null) {
          b.customerFields.clear();
          for (int i = 0; i < c.fields().size(); i++) {
            key = "customers.fields[" + i + "]";
            b.addCustomerField(field(c.fields().get(i)));
          }
        }
      }
      MappingFile.Organizations o = root.organizations();
      if (o != null) {
        if (o.name() != null) {
          b.organizationNameProperty(o.name());
        }
        if (o.fallbackName() != null) {
          b.organizationFallbackNameProperty(o.fallbackName().isBlank() ? null : o.fallbackName());
        }
        if (o.fields() != null) {
          b.organizationFields.clear();
          for (int i = 0; i < o.fields().size(); i++) {
            key = "organizations.fields[" + i + "]";
            b.addOrganizationField(field(o.fields().get(i)));
          }
        }
      }
      key = "";
      return b.build();
    } catch (IllegalArgumentException | NullPointerException | DateTimeException e) {
      throw new MappingFileException(
          name
              + ": invalid mapping"
              + (key.isEmpty() ? "" : " at key '" + key + "'")
              + ": "
              + e.getMessage(),
          key,
          0,
          e);
    }
  }

  private static PropertyMapping field(MappingFile.Field f) {
    if (f == null) {
      throw new IllegalArgumentException("empty field entry");
    }
    if (f.property() == null || f.property().isBlank()) {
      throw new IllegalArgumentException("'property' is required");
    }
    if (f.field() == null || f.field().isBlank()) {
      throw new IllegalArgumentException("'field' is required");
    }
    MappingFile.TypeName t = f.type() == null ? MappingFile.TypeName.TEXT : f.type();
    List<String> options = f.options() == null ? List.of() : f.options();
    boolean select = t == MappingFile.TypeName.SELECT || t == MappingFile.TypeName.MULTISELECT;
    if (!select && !options.isEmpty()) {
      throw new IllegalArgumentException(
          "'options' only apply to SELECT and MULTISELECT, not " + t);
    }
    DetailFieldType type = DetailFieldType.builder().name(t.name()).options(options).build();
    PropertyMapping.Builder pb = PropertyMapping.builder(f.property(), f.field()).type(type);
    if (f.values() != null) {
      pb.values(f.values());
    }
    if (f.multiValue() != null) {
      pb.multiValue(f.multiValue());
    }
    if (f.format() != null) {
      pb.format(f.format());
    }
    if (f.labels() != null) {
      pb.labels(f.labels());
    }
    return pb.build();
  }

  /**
   * This mapping as a YAML document, the format {@link #load(Path)} reads.
   *
   * @throws IllegalStateException when jackson-dataformat-yaml (an optional dependency) is missing
   */
  public String toYaml() {
    try {
      return "# csmkit HubSpot -> CSM mapping; see docs/HUBSPOT.md for every key.\n"
          + YamlSupport.mapper().writeValueAsString(toFile());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the mapping as YAML", e);
    }
  }

  /**
   * Writes this mapping as YAML (what {@code csmkit mapping init} does).
   *
   * @throws java.io.UncheckedIOException when the file cannot be written
   * @throws IllegalStateException when jackson-dataformat-yaml (an optional dependency) is missing
   */
  public void write(Path file) {
    try {
      Files.writeString(file, toYaml(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot write the mapping to " + file, e);
    }
  }

  private MappingFile.Root toFile() {
    return new MappingFile.Root(
        operationType,
        strict,
        timeZone.equals(ZoneOffset.UTC) ? "UTC" : timeZone.getId(),
        new MappingFile.Customers(
            emailProperty,
            displayNameProperties,
            organizationProperty == null ? "" : organizationProperty,
            customerFields.stream().map(HubSpotMapping::toFile).toList()),
        new MappingFile.Organizations(
            organizationNameProperty,
            organizationFallbackNameProperty == null ? "" : organizationFallbackNameProperty,
            organizationFields.stream().map(HubSpotMapping::toFile).toList()));
  }

  private static MappingFile.Field toFile(PropertyMapping m) {
    boolean defaultMulti = "MULTISELECT".equals(m.type().name());
    return new MappingFile.Field(
        m.property(),
        m.field(),
        MappingFile.TypeName.valueOf(m.type().name()),
        m.type().options(),
        m.values(),
        m.multiValue() == defaultMulti ? null : m.multiValue(),
        m.format() == PropertyMapping.defaultFormat(m.type()) ? null : m.format(),
        m.labels() ? Boolean.TRUE : null);
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

    /** Adds a customer detail field mapping. */
    public Builder addCustomerField(PropertyMapping mapping) {
      customerFields.add(Objects.requireNonNull(mapping));
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

    /** Adds an organization detail field mapping. */
    public Builder addOrganizationField(PropertyMapping mapping) {
      organizationFields.add(Objects.requireNonNull(mapping));
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
     * @throws IllegalArgumentException when a detail field is mapped twice with different types
     * @throws NullPointerException when a required property name is null
     */
    public HubSpotMapping build() {
      return new HubSpotMapping(this);
    }
  }
}
