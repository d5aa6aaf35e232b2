package io.github.csmkit.hubspot.sandbox;

/** The routes the sandbox serves, for request counts, the request log and faults. */
public enum HubSpotEndpoint {
  /** {@code GET /crm/v3/objects/{type}}: a list page. */
  LIST,
  /** {@code GET /crm/v3/objects/{type}/{id}}: one record. */
  GET,
  /** {@code POST /crm/v3/objects/{type}/search}: the CRM search API (its own rate limit). */
  SEARCH,
  /** {@code POST /crm/v3/objects/{type}/batch/read}: records by id. */
  BATCH_READ,
  /** {@code POST /crm/v4/associations/{from}/{to}/batch/read}: associations of many records. */
  ASSOCIATIONS_BATCH_READ,
  /** {@code GET /crm/v3/properties/{type}}: property definitions. */
  PROPERTIES,
  /** Any other path: answered with 404. */
  UNKNOWN
}
