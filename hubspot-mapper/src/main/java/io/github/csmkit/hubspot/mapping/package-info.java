/**
 * The HubSpot → CSM mapping ({@link io.github.csmkit.hubspot.mapping.HubSpotMapping}, read from
 * YAML or JSON), the pure {@link io.github.csmkit.hubspot.mapping.Mapper}, record filters and
 * de-duplication. Public API.
 */
package io.github.csmkit.hubspot.mapping;
