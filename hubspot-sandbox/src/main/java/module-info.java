/**
 * The csmkit HubSpot sandbox: an embedded, in-memory HubSpot CRM v3/v4 API server for tests of
 * HubSpot readers and syncs.
 */
module io.github.csmkit.hubspot.sandbox {
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  requires jdk.httpserver;

  exports io.github.csmkit.hubspot.sandbox;
}
