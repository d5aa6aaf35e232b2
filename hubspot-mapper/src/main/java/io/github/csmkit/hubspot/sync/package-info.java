/**
 * Incremental pulls from HubSpot: {@link io.github.csmkit.hubspot.sync.IncrementalPull} reads every
 * record modified since a watermark through the CRM search API, past its 10,000-results cap, and
 * proposes the next watermark; {@link io.github.csmkit.hubspot.sync.HubSpotRateLimiter} keeps
 * requests within HubSpot's search and ten-second limits. Both talk to HubSpot through small
 * interfaces, so they work with any HTTP adapter.
 */
package io.github.csmkit.hubspot.sync;
