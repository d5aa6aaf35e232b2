/**
 * An embedded, in-memory server for the Atlassian CSM bulk APIs, for tests, dry runs and demos.
 *
 * <p>Start one with {@link io.github.csmkit.sandbox.CsmSandbox#builder()}, point a client at {@link
 * io.github.csmkit.sandbox.CsmSandbox#baseUri()}, and inspect what it holds with the snapshot
 * methods. Faults are injected through {@link io.github.csmkit.sandbox.CsmSandbox#faults()}.
 */
package io.github.csmkit.sandbox;
