/**
 * csmkit's HubSpot side: streaming readers of HubSpot contacts and companies (UI CSV exports, CRM
 * v3 JSON, the live API), the mapping to CSM, the migration, the sync state, the incremental pull
 * and the verification of a state against CSM. The {@code internal} packages are not exported.
 */
module io.github.csmkit.hubspot {
  requires transitive io.github.csmkit.client;
  requires com.fasterxml.jackson.databind;
  // optional: only YAML mapping files need it (internal.YamlSupport says so when it is missing)
  requires static com.fasterxml.jackson.dataformat.yaml;
  requires java.net.http;
  // the sync state's API takes a DataSource
  requires transitive java.sql;
  // compile-time only: csm-client's value types carry Immutables' style annotation
  requires static org.immutables.value.annotations;

  exports io.github.csmkit.hubspot.source;
  exports io.github.csmkit.hubspot.mapping;
  exports io.github.csmkit.hubspot.migration;
  exports io.github.csmkit.hubspot.state;
  exports io.github.csmkit.hubspot.sync;
  exports io.github.csmkit.hubspot.verify;

  // the mapping file's records are read and written by Jackson, which needs to reach them
  opens io.github.csmkit.hubspot.mapping to
      com.fasterxml.jackson.databind;
}
