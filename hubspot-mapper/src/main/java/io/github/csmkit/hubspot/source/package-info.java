/**
 * Streaming readers of HubSpot contacts and companies: UI CSV exports ({@link
 * io.github.csmkit.hubspot.source.CsvExportSource}), CRM v3 JSON ({@link
 * io.github.csmkit.hubspot.source.CrmJsonSource}) and the live API ({@link
 * io.github.csmkit.hubspot.source.HubSpotApiClient}), in full or, through {@link
 * io.github.csmkit.hubspot.source.HubSpotChanges}, only what changed since a watermark (with the
 * archived and merged records). Public API.
 */
package io.github.csmkit.hubspot.source;
