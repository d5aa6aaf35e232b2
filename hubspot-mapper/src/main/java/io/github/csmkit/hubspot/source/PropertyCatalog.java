package io.github.csmkit.hubspot.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The property definitions of one HubSpot object type: translates CSV export headers (labels) to
 * internal names and enumeration labels to internal values, and back. Immutable.
 *
 * <p>{@link #defaultContacts()} and {@link #defaultCompanies()} hold HubSpot's default properties
 * and their options; {@link #parse(InputStream, String)} reads a {@code GET
 * /crm/v3/properties/{object}} response; {@link #merge(PropertyCatalog)} and {@link
 * #with(PropertyDefinition)} extend or override.
 */
public final class PropertyCatalog {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, PropertyDefinition> byName;
  private final Map<String, PropertyDefinition> byLabel;

  private PropertyCatalog(Collection<PropertyDefinition> definitions) {
    Map<String, PropertyDefinition> names = new LinkedHashMap<>();
    for (PropertyDefinition d : definitions) {
      names.put(d.name(), d);
    }
    Map<String, PropertyDefinition> labels = new LinkedHashMap<>();
    for (PropertyDefinition d : names.values()) {
      // the first definition with a label wins: HubSpot has a few labels used twice
      labels.putIfAbsent(key(d.label()), d);
    }
    this.byName = java.util.Collections.unmodifiableMap(names);
    this.byLabel = labels;
  }

  private static String key(String label) {
    return label.trim().toLowerCase(Locale.ROOT);
  }

  /**
   * A catalog of these definitions; a later definition of the same name replaces an earlier one.
   */
  public static PropertyCatalog of(Collection<PropertyDefinition> definitions) {
    return new PropertyCatalog(definitions);
  }

  /** An empty catalog. */
  public static PropertyCatalog empty() {
    return new PropertyCatalog(List.of());
  }

  /**
   * HubSpot's default contact properties, with the options of lifecyclestage, hs_lead_status,
   * numemployees.
   */
  public static PropertyCatalog defaultContacts() {
    return DefaultProperties.CONTACTS;
  }

  /**
   * HubSpot's default company properties, with the options of lifecyclestage, hs_lead_status, type.
   */
  public static PropertyCatalog defaultCompanies() {
    return DefaultProperties.COMPANIES;
  }

  /**
   * Reads a {@code GET /crm/v3/properties/{object}} response: {@code {"results":[...]}}, a bare
   * array of definitions, or the wrapped form {@code {"ok":true,"data":{"results":[...]}}}.
   *
   * @param in the JSON (not closed)
   * @param sourceName the name used in error messages
   * @throws HubSpotSourceException when the JSON is malformed or has no definitions list
   */
  public static PropertyCatalog parse(InputStream in, String sourceName) {
    JsonNode root;
    try {
      root = JSON.readTree(in);
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new HubSpotSourceException(
          sourceName, line, "not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new HubSpotSourceException(sourceName, 0, "cannot read: " + e.getMessage(), e);
    }
    return fromJson(root, sourceName);
  }

  /**
   * Reads a properties response from a file; see {@link #parse(InputStream, String)}.
   *
   * @throws HubSpotSourceException when the file is unreadable or malformed
   */
  public static PropertyCatalog load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toString());
    } catch (IOException e) {
      throw new HubSpotSourceException(file.toString(), 0, "cannot read: " + e.getMessage(), e);
    }
  }

  static PropertyCatalog fromJson(JsonNode root, String sourceName) {
    JsonNode node = root;
    if (node != null && node.has("data") && node.has("ok")) {
      node = node.get("data");
    }
    if (node != null && node.isObject() && node.has("results")) {
      node = node.get("results");
    }
    if (node == null || !node.isArray()) {
      throw new HubSpotSourceException(
          sourceName,
          1,
          "expected a properties response {\"results\":[...]} or an array of properties",
          null);
    }
    List<PropertyDefinition> defs = new ArrayList<>();
    for (JsonNode p : node) {
      String name = p.path("name").asText(null);
      if (name == null) {
        continue;
      }
      List<PropertyOption> options = new ArrayList<>();
      for (JsonNode o : p.path("options")) {
        String value = o.path("value").asText(null);
        if (value != null) {
          options.add(new PropertyOption(value, o.path("label").asText(value)));
        }
      }
      defs.add(
          new PropertyDefinition(
              name,
              p.path("label").asText(name),
              p.path("type").asText("string"),
              p.path("fieldType").asText("text"),
              options));
    }
    return new PropertyCatalog(defs);
  }

  /** A catalog with the definitions of {@code other} added, replacing those of the same name. */
  public PropertyCatalog merge(PropertyCatalog other) {
    List<PropertyDefinition> all = new ArrayList<>(byName.values());
    all.addAll(other.byName.values());
    return new PropertyCatalog(all);
  }

  /** A catalog with this definition added, replacing one of the same name. */
  public PropertyCatalog with(PropertyDefinition definition) {
    List<PropertyDefinition> all = new ArrayList<>(byName.values());
    all.add(definition);
    return new PropertyCatalog(all);
  }

  /** The definition with this internal name. */
  public Optional<PropertyDefinition> byName(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The definition with this label (case-insensitive, trimmed). */
  public Optional<PropertyDefinition> byLabel(String label) {
    return Optional.ofNullable(byLabel.get(key(label)));
  }

  /** All definitions, in the order they were given. */
  public Collection<PropertyDefinition> definitions() {
    return byName.values();
  }

  /** The number of definitions. */
  public int size() {
    return byName.size();
  }

  @Override
  public String toString() {
    return "PropertyCatalog[" + byName.size() + " properties]";
  }
}
