package io.github.csmkit.hubspot.source;

import java.util.Locale;

/** The kinds of HubSpot request a reader sends, as counted per run. */
public enum HubSpotApiEndpoint {
  /** {@code GET /crm/v3/objects/{type}} (also with {@code archived=true}). */
  LIST,
  /** {@code GET /crm/v3/objects/{type}/{id}}. */
  GET,
  /** {@code POST /crm/v3/objects/{type}/search}. */
  SEARCH,
  /** {@code POST /crm/v3/objects/{type}/batch/read}. */
  BATCH_READ,
  /** {@code POST /crm/v4/associations/{from}/{to}/batch/read}. */
  ASSOCIATIONS_BATCH_READ,
  /** {@code GET /crm/v3/properties/{type}}. */
  PROPERTIES,
  /** Anything else. */
  OTHER;

  /** The kind of a request by its method and path (with or without a query). */
  static HubSpotApiEndpoint of(String method, String pathAndQuery) {
    String path = pathAndQuery.replaceAll("\\?.*", "").toLowerCase(Locale.ROOT);
    String[] parts = path.split("/");
    if (path.startsWith("/crm/v4/associations/") && path.endsWith("/batch/read")) {
      return ASSOCIATIONS_BATCH_READ;
    }
    if (path.startsWith("/crm/v3/properties/")) {
      return PROPERTIES;
    }
    if (!path.startsWith("/crm/v3/objects/")) {
      return OTHER;
    }
    if ("POST".equals(method) && path.endsWith("/search")) {
      return SEARCH;
    }
    if ("POST".equals(method) && path.endsWith("/batch/read")) {
      return BATCH_READ;
    }
    if ("GET".equals(method) && parts.length == 5) {
      return LIST;
    }
    return "GET".equals(method) && parts.length == 6 ? GET : OTHER;
  }
}
