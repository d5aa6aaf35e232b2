package io.github.csmkit.hubspot.migration;

import io.github.csmkit.client.CsmClient;
import io.github.csmkit.client.model.OrganizationRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The CSM ids of organizations by name, ignoring case, as far as they have been looked up. Looking
 * up is a step of its own, never a side effect of reading records: 50 names a request, the most one
 * request may carry.
 */
final class OrganizationDirectory {
  static final int LOOKUP_CHUNK = 50;

  private final CsmClient csm;
  private final Map<String, String> idByName = new HashMap<>();

  OrganizationDirectory(CsmClient csm) {
    this.csm = csm;
  }

  /** Looks up the names not known yet; the first id CSM gives for a name is kept. */
  void lookUp(Collection<String> names) {
    List<String> unknown = new ArrayList<>();
    for (String n : names) {
      if (!idByName.containsKey(key(n))) {
        unknown.add(n);
      }
    }
    for (int i = 0; i < unknown.size(); i += LOOKUP_CHUNK) {
      for (OrganizationRef o :
          csm.organizationProfiles()
              .fetchByNames(unknown.subList(i, Math.min(i + LOOKUP_CHUNK, unknown.size())))) {
        o.name().ifPresent(n -> idByName.putIfAbsent(key(n), o.id()));
      }
    }
  }

  /** Records an id known from elsewhere (the sync state); an id looked up first is kept. */
  void remember(String name, String id) {
    idByName.putIfAbsent(key(name), id);
  }

  /** True when a look-up found this name. */
  boolean has(String name) {
    return idByName.containsKey(key(name));
  }

  /** The id of this name, if a look-up found it. */
  Optional<String> idOf(String name) {
    return Optional.ofNullable(idByName.get(key(name)));
  }

  private static String key(String name) {
    return name.trim().toLowerCase(Locale.ROOT);
  }
}
