/**
 * csmkit's typed client for the Atlassian CSM bulk APIs, with the bulk import engine. The {@code
 * internal} package is not exported.
 */
module io.github.csmkit.client {
  requires transitive java.net.http;
  requires com.fasterxml.jackson.databind;
  // compile-time only: Immutables' annotations and the nullness annotations
  requires static org.immutables.value.annotations;
  requires static org.jspecify;

  exports io.github.csmkit.client;
  exports io.github.csmkit.client.bulk;
  exports io.github.csmkit.client.error;
  exports io.github.csmkit.client.model;
}
