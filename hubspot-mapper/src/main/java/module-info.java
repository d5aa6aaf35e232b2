/**
 * csmkit's HubSpot side: streaming readers of HubSpot contacts and companies (UI CSV exports, CRM
 * v3 JSON, the live API), the mapping to CSM, and the migration. The {@code internal} package is
 * not exported.
 */
module io.github.csmkit.hubspot {
  requires transitive io.github.csmkit.client;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.yaml;
  requires java.net.http;
  // compile-time only: csm-client's value types carry Immutables' style annotation
  requires static org.immutables.value.annotations;

  exports io.github.csmkit.hubspot.source;
  exports io.github.csmkit.hubspot.sync;
  exports io.github.csmkit.hubspot.mapping;
  exports io.github.csmkit.hubspot.migration;

  // the mapping file's records are read and written by Jackson, which needs to reach them
  opens io.github.csmkit.hubspot.mapping to
      com.fasterxml.jackson.databind;
}
