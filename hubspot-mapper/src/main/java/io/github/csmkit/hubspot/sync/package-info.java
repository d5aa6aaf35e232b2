/**
 * Incremental pulls from HubSpot: {@link io.github.csmkit.hubspot.sync.IncrementalPull} reads every
 * record modified since a watermark through the CRM search API, past its 10,000-results cap, and
 * proposes the next watermark; {@link io.github.csmkit.hubspot.sync.HubSpotRateLimiter} is the one
 * limiter of HubSpot's search and ten-second limits, used by {@link
 * io.github.csmkit.hubspot.source.HubSpotApiClient}. The pull talks to HubSpot through {@link
 * io.github.csmkit.hubspot.sync.SearchFetcher}; {@code HubSpotApiClient.searchFetcher()} is the
 * production one. Most users want {@link io.github.csmkit.hubspot.source.HubSpotChanges}. Public
 * API.
 */
package io.github.csmkit.hubspot.sync;
