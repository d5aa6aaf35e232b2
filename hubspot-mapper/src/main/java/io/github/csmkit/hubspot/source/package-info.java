/**
 * Streaming readers of HubSpot contacts and companies: UI CSV exports ({@link
 * io.github.csmkit.hubspot.source.CsvExportSource}), CRM v3 JSON ({@link
 * io.github.csmkit.hubspot.source.CrmJsonSource}) and the live API ({@link
 * io.github.csmkit.hubspot.source.HubSpotApiClient}). Public API.
 */
package io.github.csmkit.hubspot.source;
