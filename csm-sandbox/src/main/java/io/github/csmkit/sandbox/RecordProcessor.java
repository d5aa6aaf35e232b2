package io.github.csmkit.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.csmkit.sandbox.Tenant.Customer;
import io.github.csmkit.sandbox.Tenant.Definition;
import io.github.csmkit.sandbox.Tenant.Organization;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Applies the records of a finished task to its tenant, one record at a time: a record that breaks
 * a rule is reported as a failure and changes nothing; the others are applied.
 */
final class RecordProcessor {
  static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");
  static final int MAX_OPTIONS = 50;

  private final Tenant tenant;
  private final List<FailureSnapshot> failures = new ArrayList<>();

  private RecordProcessor(Tenant tenant) {
    this.tenant = tenant;
  }

  /** Applies a validated body; returns the failures. Called with the tenant's monitor held. */
  static List<FailureSnapshot> apply(Tenant tenant, Endpoint endpoint, JsonNode body) {
    RecordProcessor p = new RecordProcessor(tenant);
    JsonNode items = body.get(endpoint.bodyKey());
    for (JsonNode item : items) {
      switch (endpoint) {
        case CUSTOMER_ACCOUNTS:
          p.account(item);
          break;
        case CUSTOMER_PROFILES:
          p.customerProfile(item);
          break;
        case ORGANIZATION_PROFILES:
          p.organizationProfile(item);
          break;
        case CUSTOMER_DETAILS:
          p.detailValues(item, EntityKind.CUSTOMER);
          break;
        case ORGANIZATION_DETAILS:
          p.detailValues(item, EntityKind.ORGANIZATION);
          break;
        case CUSTOMER_DETAIL_DEFINITIONS:
          p.definition(item, EntityKind.CUSTOMER);
          break;
        case ORGANIZATION_DETAIL_DEFINITIONS:
          p.definition(item, EntityKind.ORGANIZATION);
          break;
        default:
          throw new IllegalArgumentException("not a bulk endpoint: " + endpoint);
      }
    }
    return List.copyOf(p.failures);
  }

  /**
   * Creates one detail field from a validated {@code {"name","type"}}; returns why it was not
   * created, or null. Called with the tenant's monitor held.
   */
  static String defineOne(Tenant tenant, EntityKind kind, JsonNode field) {
    RecordProcessor p = new RecordProcessor(tenant);
    p.definition(field, kind);
    return p.failures.isEmpty() ? null : p.failures.get(0).error();
  }

  /**
   * Fails the record when an association names an id the tenant does not have: "Organization not
   * found: 7, 9" for a customer, "Customer not found: ..." for an organization.
   */
  private static void requireKnown(
      String entity,
      String entityId,
      String op,
      String other,
      List<String> ids,
      java.util.function.Predicate<String> exists) {
    List<String> unknown = ids.stream().filter(id -> !exists.test(id)).toList();
    if (!unknown.isEmpty()) {
      String what = other.charAt(0) + other.substring(1).toLowerCase(java.util.Locale.ROOT);
      throw RecordRefusal.of(
          entity, entityId, op, other, unknown, what + " not found: " + String.join(", ", unknown));
    }
  }

  private void account(JsonNode item) {
    String email = Json.text(item, "email");
    try {
      checkNewEmail(email, email, "CREATE");
      Customer c = createCustomer(email);
      c.displayName = Json.text(item, "displayName");
    } catch (RecordRefusal f) {
      failures.add(f.failure);
    }
  }

  private void checkNewEmail(String email, String entityId, String op) {
    if (email == null) {
      throw RecordRefusal.of(
          "CUSTOMER",
          entityId,
          op,
          "CUSTOMER_ACCOUNT",
          List.of(),
          "An email is required to create a customer");
    }
    if (!EMAIL.matcher(email).matches()) {
      throw RecordRefusal.of(
          "CUSTOMER",
          entityId,
          op,
          "CUSTOMER_ACCOUNT",
          List.of(),
          "Invalid email: \"" + email + "\"");
    }
    if (tenant.customerByEmail(email) != null) {
      throw RecordRefusal.of(
          "CUSTOMER",
          entityId,
          op,
          "CUSTOMER_ACCOUNT",
          List.of(),
          "A customer with email \"" + email + "\" already exists");
    }
  }

  private Customer createCustomer(String email) {
    Customer c = new Customer(tenant.nextCustomerId(), email);
    tenant.customers.put(c.id, c);
    tenant.customerByEmail.put(Tenant.fold(email), c.id);
    tenant.customerCreations.merge(Tenant.fold(email), 1, Integer::sum);
    return c;
  }

  private void customerProfile(JsonNode item) {
    String op = item.get("operationType").asText();
    JsonNode p = item.get("payload");
    String email = Json.text(p, "email");
    String customerId = Json.text(p, "customerId");
    String entityId = customerId != null ? customerId : email;
    try {
      Customer target = null;
      if (customerId != null) {
        target = tenant.customers.get(customerId);
      } else if (email != null) {
        target = tenant.customerByEmail(email);
      }
      boolean create =
          creates(
              Profile.CUSTOMER,
              op,
              target != null,
              customerId != null,
              email,
              entityId,
              () -> checkNewEmail(email, entityId, op));
      if (!create && email != null && !email.equalsIgnoreCase(target.email)) {
        checkNewEmail(email, entityId, op);
      }
      Map<String, List<String>> details =
          DetailChecks.details(
              tenant, EntityKind.CUSTOMER, "CUSTOMER", entityId, op, p.get("details"));
      List<String> orgIds = Json.texts(p.path("associateOrganizations"), "organizationIds");
      requireKnown(
          "CUSTOMER", entityId, op, "ORGANIZATION", orgIds, tenant.organizations::containsKey);
      Customer c;
      if (create) {
        c = createCustomer(email);
      } else {
        c = target;
        if (email != null && !email.equalsIgnoreCase(c.email)) {
          tenant.customerByEmail.remove(Tenant.fold(c.email));
          tenant.customerByEmail.put(Tenant.fold(email), c.id);
          c.email = email;
        }
      }
      String displayName = Json.text(p, "displayName");
      if (displayName != null) {
        c.displayName = displayName;
      }
      c.details.putAll(details);
      c.organizationIds.addAll(orgIds);
    } catch (RecordRefusal f) {
      failures.add(f.failure);
    }
  }

  /** What the failures of a profile operation that finds nothing name. */
  private enum Profile {
    CUSTOMER(
        "CUSTOMER",
        "CUSTOMER_ACCOUNT",
        "A customerId or an email is required",
        "Customer",
        "an email is required to create a customer"),
    ORGANIZATION(
        "ORGANIZATION",
        "ORGANIZATION",
        "An id or a name is required",
        "Organization",
        "a name is required to create an organization");

    final String entity;
    final String field;
    final String neither;
    final String noun;
    final String createNeeds;

    Profile(String entity, String field, String neither, String noun, String createNeeds) {
      this.entity = entity;
      this.field = field;
      this.neither = neither;
      this.noun = noun;
      this.createNeeds = createNeeds;
    }
  }

  /**
   * Whether a profile operation creates a record (true) or updates the one it found (false); {@code
   * key} (email or name) may be null. CREATE always creates, UPDATE needs a record, UPSERT creates
   * by its key (email or name) when there is none. Throws the failure CSM answers when it can do
   * neither.
   */
  private static boolean creates(
      Profile kind,
      String op,
      boolean found,
      boolean idGiven,
      String key,
      String entityId,
      Runnable checkNewKey) {
    if ("CREATE".equals(op)) {
      checkNewKey.run();
      return true;
    }
    if (found) {
      return false;
    }
    if (!idGiven && key == null) {
      throw RecordRefusal.of(kind.entity, null, op, kind.field, List.of(), kind.neither);
    }
    if ("UPDATE".equals(op) || key == null) {
      throw RecordRefusal.of(
          kind.entity,
          entityId,
          op,
          kind.field,
          List.of(),
          kind.noun
              + " not found: "
              + entityId
              + ("UPSERT".equals(op) ? " (" + kind.createNeeds + ")" : ""));
    }
    checkNewKey.run();
    return true;
  }

  private void organizationProfile(JsonNode item) {
    String op = item.get("operationType").asText();
    JsonNode p = item.get("payload");
    String id = Json.text(p, "id");
    String name = Json.text(p, "name");
    String entityId = id != null ? id : name;
    try {
      Organization target = null;
      if (id != null) {
        target = tenant.organizations.get(id);
      } else if (name != null) {
        target = tenant.organizationByName(name);
      }
      boolean create =
          creates(
              Profile.ORGANIZATION,
              op,
              target != null,
              id != null,
              name,
              entityId,
              () -> checkNewName(name, entityId, op));
      if (!create && name != null && !Tenant.fold(name).equals(Tenant.fold(target.name))) {
        checkNewName(name, entityId, op);
      }
      Map<String, List<String>> details =
          DetailChecks.details(
              tenant, EntityKind.ORGANIZATION, "ORGANIZATION", entityId, op, p.get("details"));
      List<String> customerIds = Json.texts(p.path("associateCustomers"), "customerIds");
      requireKnown(
          "ORGANIZATION", entityId, op, "CUSTOMER", customerIds, tenant.customers::containsKey);
      Organization o;
      if (create) {
        o = new Organization(tenant.nextId(), name);
        tenant.organizations.put(o.id, o);
        tenant.organizationByName.put(Tenant.fold(name), o.id);
        tenant.organizationCreations.merge(Tenant.fold(name), 1, Integer::sum);
      } else {
        o = target;
        if (name != null && !name.equals(o.name)) {
          tenant.organizationByName.remove(Tenant.fold(o.name));
          tenant.organizationByName.put(Tenant.fold(name), o.id);
          o.name = name;
        }
      }
      o.details.putAll(details);
      for (String cid : customerIds) {
        tenant.customers.get(cid).organizationIds.add(o.id);
      }
    } catch (RecordRefusal f) {
      failures.add(f.failure);
    }
  }

  private void checkNewName(String name, String entityId, String op) {
    if (name == null || name.isBlank()) {
      throw RecordRefusal.of(
          "ORGANIZATION",
          entityId,
          op,
          "ORGANIZATION",
          List.of(),
          "A name is required to create an organization");
    }
    if (tenant.organizationByName(name) != null) {
      throw RecordRefusal.of(
          "ORGANIZATION",
          entityId,
          op,
          "ORGANIZATION",
          List.of(),
          "An organization named \"" + name + "\" already exists");
    }
  }

  private void detailValues(JsonNode item, EntityKind kind) {
    boolean customer = kind == EntityKind.CUSTOMER;
    String entity = customer ? "CUSTOMER" : "ORGANIZATION";
    String id = Json.text(item, customer ? "customerId" : "organizationId");
    JsonNode ops = item.get("operations");
    Map<String, List<String>> details;
    if (customer) {
      Customer c = tenant.customers.get(id);
      details = c == null ? null : c.details;
    } else {
      Organization o = tenant.organizations.get(id);
      details = o == null ? null : o.details;
    }
    if (details == null) {
      failures.add(
          new FailureSnapshot(
              entity,
              id,
              ops.get(0).get("operationType").asText(),
              customer ? "CUSTOMER_ACCOUNT" : "ORGANIZATION",
              List.of(),
              (customer ? "Customer" : "Organization") + " not found: " + id));
      return;
    }
    for (JsonNode op : ops) {
      String type = op.get("operationType").asText();
      JsonNode payload = op.get("payload");
      String name = payload.get("name").asText();
      try {
        Definition def = tenant.definition(kind, name);
        if (def == null) {
          throw RecordRefusal.of(
              entity,
              id,
              type,
              "DETAIL_FIELD",
              List.of(name),
              "Invalid detail field: \"" + name + "\" not defined");
        }
        List<String> values = Json.texts(payload, "values");
        switch (type) {
          case "DELETE":
            details.remove(def.name());
            break;
          case "PATCH":
            LinkedHashSet<String> merged =
                new LinkedHashSet<>(details.getOrDefault(def.name(), List.of()));
            merged.addAll(values);
            List<String> patched = new ArrayList<>(merged);
            DetailChecks.checkValues(def, patched, entity, id, type);
            details.put(def.name(), patched);
            break;
          default:
            DetailChecks.checkValues(def, values, entity, id, type);
            if (values.isEmpty()) {
              details.remove(def.name());
            } else {
              details.put(def.name(), values);
            }
        }
      } catch (RecordRefusal f) {
        failures.add(f.failure);
      }
    }
  }

  private void definition(JsonNode item, EntityKind kind) {
    String name = item.get("name").asText().trim();
    String type = item.get("type").get("name").asText();
    List<String> options = Json.texts(item.get("type"), "options");
    Map<String, Definition> defs = tenant.definitions.get(kind);
    try {
      if (defs.containsKey(Tenant.fold(name))) {
        throw RecordRefusal.of(
            "DETAIL_FIELD",
            name,
            "CREATE",
            "DETAIL_FIELD",
            List.of(name),
            "Detail field name \"" + name + "\" is already in use");
      }
      boolean select = "SELECT".equals(type) || "MULTISELECT".equals(type);
      if (select && options.isEmpty()) {
        throw RecordRefusal.of(
            "DETAIL_FIELD",
            name,
            "CREATE",
            "DETAIL_FIELD",
            List.of(name),
            "A " + type + " field needs at least one option");
      }
      if (options.size() > MAX_OPTIONS) {
        throw RecordRefusal.of(
            "DETAIL_FIELD",
            name,
            "CREATE",
            "DETAIL_FIELD",
            List.of(name),
            "A "
                + type
                + " field takes at most "
                + MAX_OPTIONS
                + " options, got "
                + options.size());
      }
      defs.put(
          Tenant.fold(name), new Definition(name, type, select ? List.copyOf(options) : List.of()));
    } catch (RecordRefusal f) {
      failures.add(f.failure);
    }
  }
}
