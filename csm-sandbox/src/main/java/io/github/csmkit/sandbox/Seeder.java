package io.github.csmkit.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Puts data into one tenant of a sandbox before a test, as if a client had created it earlier; from
 * {@link CsmSandbox#seed()}. Each call applies at once, by the same rules as a bulk request (valid
 * and unused emails and names, defined detail fields, options of SELECT fields, existing
 * organizations), and fails instead of reporting a task failure. Seeded records do not count in
 * {@link CsmSandbox#creationCount(String)} or {@link CsmSandbox#organizationCreationCount(String)},
 * nor in the request log.
 *
 * <pre>{@code
 * Seeder seed = sandbox.seed();
 * seed.customerDetailField("Plan", "SELECT", "Free", "Gold");
 * String acme = seed.organization("Acme Corporation");
 * String ada = seed.customer("ada@example.com", "Ada", Map.of("Plan", List.of("Gold")), acme);
 * }</pre>
 */
public final class Seeder {
  private final CsmSandbox sandbox;
  private final String tenant;

  Seeder(CsmSandbox sandbox, String tenant) {
    this.sandbox = sandbox;
    this.tenant = tenant;
  }

  /**
   * Defines a customer detail field.
   *
   * @param name the field's name, unique (case-insensitive)
   * @param type {@code TEXT}, {@code NUMBER}, {@code DATE}, {@code URL}, {@code EMAIL}, {@code
   *     PHONE}, {@code SELECT} or {@code MULTISELECT}
   * @param options the options of a SELECT or MULTISELECT field (1 to 50), none otherwise
   * @return this seeder
   * @throws IllegalArgumentException when the definition breaks a rule
   */
  public Seeder customerDetailField(String name, String type, String... options) {
    apply(Endpoint.CUSTOMER_DETAIL_DEFINITIONS, definition(name, type, options));
    return this;
  }

  /**
   * Defines an organization detail field.
   *
   * @param name the field's name, unique (case-insensitive)
   * @param type the type, as for {@link #customerDetailField}
   * @param options the options of a SELECT or MULTISELECT field
   * @return this seeder
   * @throws IllegalArgumentException when the definition breaks a rule
   */
  public Seeder organizationDetailField(String name, String type, String... options) {
    apply(Endpoint.ORGANIZATION_DETAIL_DEFINITIONS, definition(name, type, options));
    return this;
  }

  /**
   * Creates an organization.
   *
   * @param name its name, unused in the tenant
   * @return its id
   * @throws IllegalArgumentException when the name is taken
   */
  public String organization(String name) {
    return organization(name, Map.of());
  }

  /**
   * Creates an organization with detail values.
   *
   * @param name its name, unused in the tenant
   * @param details field name to values; the fields must be defined
   * @return its id
   * @throws IllegalArgumentException when a rule is broken
   */
  public String organization(String name, Map<String, List<String>> details) {
    Objects.requireNonNull(name, "name");
    ObjectNode payload = Json.object().put("name", name);
    if (!details.isEmpty()) {
      payload.set("details", details(details));
    }
    apply(Endpoint.ORGANIZATION_PROFILES, profile("organizationProfiles", payload));
    synchronized (tenant()) {
      return tenant().organizationByName(name).id;
    }
  }

  /**
   * Creates a customer.
   *
   * @param email a valid email, unused in the tenant
   * @param displayName the display name, or null
   * @return its id
   * @throws IllegalArgumentException when a rule is broken
   */
  public String customer(String email, String displayName) {
    return customer(email, displayName, Map.of());
  }

  /**
   * Creates a customer with detail values, member of organizations.
   *
   * @param email a valid email, unused in the tenant
   * @param displayName the display name, or null
   * @param details field name to values; the fields must be defined
   * @param organizationIds ids of existing organizations
   * @return its id
   * @throws IllegalArgumentException when a rule is broken
   */
  public String customer(
      String email,
      String displayName,
      Map<String, List<String>> details,
      String... organizationIds) {
    Objects.requireNonNull(email, "email");
    ObjectNode payload = Json.object().put("email", email);
    if (displayName != null) {
      payload.put("displayName", displayName);
    }
    if (!details.isEmpty()) {
      payload.set("details", details(details));
    }
    if (organizationIds.length > 0) {
      payload
          .putObject("associateOrganizations")
          .set("organizationIds", Json.strings(List.of(organizationIds)));
    }
    apply(Endpoint.CUSTOMER_PROFILES, profile("customerProfiles", payload));
    synchronized (tenant()) {
      return tenant().customerByEmail(email).id;
    }
  }

  private Tenant tenant() {
    return sandbox.tenant(tenant);
  }

  private static ObjectNode definition(String name, String type, String... options) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    ObjectNode field = Json.object().put("name", name);
    ObjectNode t = field.putObject("type").put("name", type);
    if (options.length > 0) {
      t.set("options", Json.strings(List.of(options)));
    }
    ObjectNode body = Json.object();
    body.putArray("detailFields").add(field);
    return body;
  }

  private static ArrayNode details(Map<String, List<String>> details) {
    ArrayNode out = Json.object().arrayNode();
    details.forEach((k, v) -> out.addObject().put("name", k).set("values", Json.strings(v)));
    return out;
  }

  private static ObjectNode profile(String key, ObjectNode payload) {
    ObjectNode body = Json.object();
    body.putArray(key).addObject().put("operationType", "CREATE").set("payload", payload);
    return body;
  }

  /** Checks the body as a request would be, applies it now, and takes back the creation count. */
  private void apply(Endpoint endpoint, ObjectNode body) {
    try {
      BodyShapes.check(endpoint, body);
    } catch (BadRequest e) {
      throw new IllegalArgumentException("cannot seed: " + e.getMessage(), e);
    }
    Tenant t = tenant();
    synchronized (t) {
      t.settle(sandbox.clock.instant());
      List<FailureSnapshot> failures = RecordProcessor.apply(t, endpoint, body);
      if (!failures.isEmpty()) {
        throw new IllegalArgumentException("cannot seed: " + failures.get(0).error());
      }
      if (endpoint == Endpoint.CUSTOMER_PROFILES) {
        uncount(t.customerCreations, body.get("customerProfiles").get(0).get("payload"), "email");
      } else if (endpoint == Endpoint.ORGANIZATION_PROFILES) {
        uncount(
            t.organizationCreations,
            body.get("organizationProfiles").get(0).get("payload"),
            "name");
      }
    }
  }

  private static void uncount(Map<String, Integer> counts, JsonNode payload, String field) {
    counts.computeIfPresent(
        Tenant.fold(payload.get(field).asText()), (k, n) -> n > 1 ? n - 1 : null);
  }
}
