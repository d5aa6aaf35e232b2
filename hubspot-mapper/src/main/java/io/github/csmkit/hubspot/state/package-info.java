/**
 * The sync state: what every run of a HubSpot-to-CSM job has sent, kept in a real database (SQLite
 * by default, PostgreSQL or any JDBC database), so that every run after the first sends only what
 * changed. {@link io.github.csmkit.hubspot.state.SyncState} opens a state, {@link
 * io.github.csmkit.hubspot.state.SyncRun} is one run holding its job's lock, and {@link
 * io.github.csmkit.hubspot.state.DeltaPlanner} classifies a record against what the state holds.
 * See docs/SYNC.md.
 */
package io.github.csmkit.hubspot.state;
