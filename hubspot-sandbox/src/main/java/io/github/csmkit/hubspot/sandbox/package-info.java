/**
 * An embedded, in-memory HubSpot CRM API server (contacts, companies, their associations) for tests
 * of HubSpot readers and incremental syncs.
 *
 * <p>Start one with {@link io.github.csmkit.hubspot.sandbox.HubSpotSandbox#builder()}, seed and
 * change records through {@link io.github.csmkit.hubspot.sandbox.HubSpotSandbox#portal()}, point a
 * reader at {@link io.github.csmkit.hubspot.sandbox.HubSpotSandbox#baseUri()}, and count what it
 * asked for with {@link io.github.csmkit.hubspot.sandbox.HubSpotSandbox#requestCount}.
 */
package io.github.csmkit.hubspot.sandbox;
