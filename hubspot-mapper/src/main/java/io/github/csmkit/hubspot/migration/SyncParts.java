package io.github.csmkit.hubspot.migration;

import io.github.csmkit.hubspot.state.SyncRun;
import java.util.Optional;

/**
 * Gathers the phases' sync summaries into the report's {@link SyncSection}, when there is a state.
 */
final class SyncParts {
  private final MigrationSettings settings;
  private final Optional<SyncRun> run;
  private Optional<SyncSummary> organizations = Optional.empty();
  private Optional<SyncSummary> customers = Optional.empty();

  SyncParts(MigrationSettings settings, Optional<SyncRun> run) {
    this.settings = settings;
    this.run = run;
  }

  void organizations(Optional<SyncSummary> summary, MigrationReport.Builder report) {
    organizations = summary;
    update(report);
  }

  void customers(Optional<SyncSummary> summary, MigrationReport.Builder report) {
    customers = summary;
    update(report);
  }

  private void update(MigrationReport.Builder report) {
    run.ifPresent(
        r ->
            report.sync(
                new SyncSection(
                    settings.state().orElseThrow().location(),
                    r.runId(),
                    r.resumed(),
                    organizations,
                    customers)));
  }
}
