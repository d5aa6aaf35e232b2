/** Helpers of hubspot-mapper's own: not API, not exported by the module. */
package io.github.csmkit.hubspot.internal;
