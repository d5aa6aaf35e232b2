/**
 * The csmkit CSM sandbox: an embedded, in-memory CSM bulk API server for tests, dry runs and demos.
 * JUnit is optional: only {@code CsmSandboxExtension} and {@code WithCsmSandbox} need it.
 */
module io.github.csmkit.sandbox {
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  requires jdk.httpserver;
  requires static org.junit.jupiter.api;

  exports io.github.csmkit.sandbox;
}
