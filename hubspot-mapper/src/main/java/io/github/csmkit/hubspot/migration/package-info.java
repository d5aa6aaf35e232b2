/**
 * The guide's migration as phases — detail fields, organizations, customers, verification — run by
 * {@link io.github.csmkit.hubspot.migration.HubSpotMigration} on csm-client's bulk engine, and its
 * {@link io.github.csmkit.hubspot.migration.MigrationReport}. Public API; the phases are
 * package-private.
 */
package io.github.csmkit.hubspot.migration;
