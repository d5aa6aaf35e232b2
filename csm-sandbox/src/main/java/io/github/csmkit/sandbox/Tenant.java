package io.github.csmkit.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Everything one tenant holds: customers, organizations, definitions, tasks and idempotency keys.
 * Not thread-safe: every access holds the tenant's monitor.
 */
final class Tenant {
  /** Non-terminal tasks older than this do not count toward the task limit (reference §3.3). */
  static final Duration TASK_TIMEOUT = Duration.ofMinutes(30);

  static final class Customer {
    final String id;
    String email;
    String displayName;
    final Map<String, List<String>> details = new LinkedHashMap<>();
    final Set<String> organizationIds = new LinkedHashSet<>();

    Customer(String id, String email) {
      this.id = id;
      this.email = email;
    }
  }

  static final class Organization {
    final String id;
    String name;
    final Map<String, List<String>> details = new LinkedHashMap<>();

    Organization(String id, String name) {
      this.id = id;
      this.name = name;
    }
  }

  record Definition(String name, String type, List<String> options) {}

  final String name;
  private long nextId = 10001;
  final Map<String, Customer> customers = new LinkedHashMap<>();
  final Map<String, String> customerByEmail = new HashMap<>();
  final Map<String, Organization> organizations = new LinkedHashMap<>();
  final Map<String, String> organizationByName = new HashMap<>();
  final Map<EntityKind, Map<String, Definition>> definitions = new EnumMap<>(EntityKind.class);
  final Map<String, Integer> customerCreations = new HashMap<>();
  final Map<String, Integer> organizationCreations = new HashMap<>();

  final Map<String, Task> tasks = new LinkedHashMap<>();
  final Map<String, Task> keys = new HashMap<>();
  private final ArrayDeque<Task> pending = new ArrayDeque<>();
  private final List<Task> stuck = new ArrayList<>();
  private final ArrayDeque<Task> finished = new ArrayDeque<>();
  private final Duration retention;

  Tenant(String name, Duration retention) {
    this.name = name;
    this.retention = retention;
    definitions.put(EntityKind.CUSTOMER, new LinkedHashMap<>());
    definitions.put(EntityKind.ORGANIZATION, new LinkedHashMap<>());
  }

  static String fold(String s) {
    return s.trim().toLowerCase(Locale.ROOT);
  }

  String nextId() {
    return Long.toString(nextId++);
  }

  /** Customers get Atlassian-account-style ids ({@code qm:...}), organizations plain numbers. */
  String nextCustomerId() {
    return "qm:" + name + ":" + (nextId++);
  }

  Customer customerByEmail(String email) {
    String id = customerByEmail.get(fold(email));
    return id == null ? null : customers.get(id);
  }

  Organization organizationByName(String name) {
    String id = organizationByName.get(fold(name));
    return id == null ? null : organizations.get(id);
  }

  Definition definition(EntityKind kind, String name) {
    return definitions.get(kind).get(fold(name));
  }

  /** Applies every task due by {@code now}, in creation order, and forgets expired ones. */
  void settle(Instant now) {
    for (Iterator<Task> it = pending.iterator(); it.hasNext(); ) {
      Task t = it.next();
      if (!now.isBefore(t.finishAt)) {
        it.remove();
        if (t.failMessage == null) {
          t.failures = RecordProcessor.apply(this, t.endpoint, t.body);
        }
        t.body = null;
        t.settled = true;
        finished.add(t);
      }
    }
    while (!finished.isEmpty() && expired(finished.peek(), now)) {
      Task t = finished.poll();
      tasks.remove(t.id);
      keys.remove(t.key, t);
    }
  }

  boolean expired(Task t, Instant now) {
    return t.settled && !now.isBefore(t.finishAt.plus(retention));
  }

  int unfinished(Instant now) {
    int n = pending.size();
    Instant cutoff = now.minus(TASK_TIMEOUT);
    for (Task t : stuck) {
      if (t.createdAt.isAfter(cutoff)) {
        n++;
      }
    }
    return n;
  }

  Task create(
      Endpoint endpoint,
      String key,
      byte[] digest,
      JsonNode body,
      Instant now,
      Duration queuedFor,
      Duration runsFor,
      Fault fault) {
    boolean isStuck = fault != null && fault.kind == Fault.Kind.TASK_STUCK;
    String failMessage =
        fault != null && fault.kind == Fault.Kind.TASK_FAILED ? fault.message : null;
    Instant start = now.plus(queuedFor);
    Task t =
        new Task(
            UUID.randomUUID().toString(),
            name,
            endpoint,
            key,
            digest,
            body,
            now,
            start,
            start.plus(runsFor),
            isStuck,
            failMessage);
    tasks.put(t.id, t);
    keys.put(key, t);
    if (isStuck) {
      stuck.add(t);
    } else {
      pending.add(t);
    }
    return t;
  }

  CustomerSnapshot snapshot(Customer c) {
    return new CustomerSnapshot(
        name, c.id, c.email, c.displayName, c.details, new ArrayList<>(c.organizationIds));
  }

  OrganizationSnapshot snapshot(Organization o) {
    List<String> members = new ArrayList<>();
    for (Customer c : customers.values()) {
      if (c.organizationIds.contains(o.id)) {
        members.add(c.id);
      }
    }
    return new OrganizationSnapshot(name, o.id, o.name, o.details, members);
  }

  List<DefinitionSnapshot> definitionSnapshots(EntityKind kind) {
    List<DefinitionSnapshot> out = new ArrayList<>();
    int position = 1;
    for (Definition d : definitions.get(kind).values()) {
      out.add(new DefinitionSnapshot(name, kind, d.name(), d.type(), d.options(), position++));
    }
    return out;
  }
}
