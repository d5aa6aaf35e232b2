/** Internals of the sync state (SQL, schema steps, locks); not public API. */
package io.github.csmkit.hubspot.state.internal;
