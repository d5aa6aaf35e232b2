package io.github.csmkit.cli;

import io.github.csmkit.client.CsmClient;
import io.github.csmkit.hubspot.mapping.HubSpotMapping;
import io.github.csmkit.hubspot.migration.HubSpotSync;
import io.github.csmkit.hubspot.source.HubSpotApiClient;
import io.github.csmkit.hubspot.state.StateLockedException;
import io.github.csmkit.hubspot.state.SyncState;
import io.github.csmkit.hubspot.state.SyncStateException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code csmkit sync}: what changed in a live HubSpot portal since the last run, into CSM. */
@Command(
    name = "sync",
    sortOptions = false,
    usageHelpAutoWidth = true,
    mixinStandardHelpOptions = true,
    description = {
      "Keeps CSM in sync with a live HubSpot portal. The first run on an empty state reads every"
          + " company and contact; every later run reads only what changed since the last one"
          + " (HubSpot's search API, from the stored watermark minus --overlap) and sends only what"
          + " changed. Archived and merged HubSpot records are reported, never deleted. Safe to run"
          + " from a scheduler: a second run of the same job exits at once with code 5.",
      "The HubSpot token comes from the environment variable --hubspot-token-env names, the CSM"
          + " token from --token-env (default CSM_TOKEN) or --token-file; neither is ever taken as"
          + " an argument or printed.",
      ""
    },
    footerHeading = "%nExample:%n",
    footer = {
      "  export HUBSPOT_TOKEN=... CSM_TOKEN=...",
      "  csmkit sync --hubspot-token-env HUBSPOT_TOKEN --cloud-id <cloud-id> \\",
      "      --state csmkit-state.db --job-id hubspot-portal-123",
      "",
      "Exit codes: 0 ok, 1 failures above the threshold, 2 usage, 3 configuration (a refused"
          + " token, a bad mapping), 4 stopped (interrupted, HubSpot's daily limit, records whose"
          + " end was not seen), 5 another run of this job holds the lock."
    })
final class SyncCommand extends BaseCommand {
  @Option(
      names = "--hubspot-token-env",
      paramLabel = "VAR",
      required = true,
      description = "The environment variable holding the HubSpot private-app token.")
  String hubspotTokenEnv;

  @Mixin TargetOptions targetOptions = new TargetOptions();

  @Option(
      names = "--state",
      paramLabel = "PATH|JDBC-URL",
      description =
          "The sync state: a SQLite file or a JDBC URL (jdbc:postgresql://...; credentials from"
              + " PGUSER/PGPASSWORD, never on the command line). Default: "
              + SyncState.DEFAULT_FILE_NAME
              + " in the working directory.")
  String state;

  @Option(
      names = "--hubspot-base-url",
      paramLabel = "URL",
      description =
          "HubSpot's API base URL, for a proxy or a test server. Default: ${DEFAULT-VALUE}.",
      defaultValue = "https://api.hubapi.com")
  URI hubspotBaseUrl;

  @Option(
      names = "--mapping",
      paramLabel = "FILE",
      description = "Mapping file (YAML, or JSON by extension); default: the guide's mapping.")
  Path mapping;

  @Option(
      names = "--job-id",
      paramLabel = "ID",
      defaultValue = HubSpotSync.DEFAULT_JOB_ID,
      description =
          "Names the job in the state (e.g. the HubSpot portal); default: ${DEFAULT-VALUE}, the"
              + " same as migrate's, so a sync continues what a migration of the API began.")
  String jobId;

  @Option(
      names = "--overlap",
      paramLabel = "DURATION",
      defaultValue = "10m",
      converter = DurationConverter.class,
      description =
          "How far before the watermark each run reads again: HubSpot's search-index lag plus any"
              + " clock skew (default: ${DEFAULT-VALUE}).")
  Duration overlap;

  @Option(
      names = "--max-in-flight",
      paramLabel = "N",
      defaultValue = "5",
      description = "CSM tasks in flight at once (default: ${DEFAULT-VALUE}).")
  int maxInFlight;

  @Option(
      names = "--runs-dir",
      paramLabel = "DIR",
      defaultValue = "csmkit-runs",
      description = "Where each run's folder is made (default: ${DEFAULT-VALUE}).")
  Path runsDirectory;

  @Mixin ProgressOption progress = new ProgressOption();

  @Override
  public Integer call() {
    if (maxInFlight < 1 || maxInFlight > 100) {
      throw CliException.usage("--max-in-flight must be 1 to 100: " + maxInFlight);
    }
    if (jobId.isBlank() || jobId.length() > 80) {
      throw CliException.usage("--job-id must be 1 to 80 characters, not blank");
    }
    String token = env().get(hubspotTokenEnv);
    if (token == null || token.isBlank()) {
      throw CliException.config(
          "no HubSpot token: the environment variable " + hubspotTokenEnv + " is not set");
    }
    MigrationRun run =
        new MigrationRun(out(), err(), quiet, json, progress.mode, root().terminal());
    run.runsDirectory = root().workingDirectory().resolve(runsDirectory);
    run.jobId = jobId;
    run.maxInFlight = maxInFlight;
    run.inputs.put(
        "source", "the HubSpot API at " + hubspotBaseUrl + " (token in $" + hubspotTokenEnv + ")");
    run.inputs.put("overlap", overlap);
    if (mapping != null) {
      Path m = root().workingDirectory().resolve(mapping);
      Inputs.requireReadable(m, "--mapping");
      run.mapping = HubSpotMapping.load(m);
      run.inputs.put("mapping", mapping);
    }
    HubSpotApiClient hubspot;
    try {
      hubspot = HubSpotApiClient.builder().baseUri(hubspotBaseUrl).token(token.strip()).build();
    } catch (IllegalStateException e) {
      // the builder's message names a method a CLI user cannot call; it never holds the token
      throw CliException.usage(
          "refusing --hubspot-base-url "
              + hubspotBaseUrl
              + ": "
              + ("http".equalsIgnoreCase(hubspotBaseUrl.getScheme())
                  ? "plain http to a host that is not loopback would send the HubSpot token"
                      + " unencrypted. Use https://, or a local address (an SSH tunnel or proxy on"
                      + " 127.0.0.1)"
                  : "it must be an http or https URL"));
    }
    try (CsmClient csm = targetOptions.client(env());
        SyncState syncState = open(stateLocation(), env())) {
      run.state = syncState;
      return run.runSync(
          csm,
          listener ->
              HubSpotSync.builder(csm, hubspot, syncState)
                  .mapping(run.mapping)
                  .jobId(jobId)
                  .overlap(overlap)
                  .maxInFlight(maxInFlight)
                  .failureThreshold(run.failureThreshold)
                  .listener(listener)
                  .build()
                  .run());
    } catch (StateLockedException e) {
      throw new CliException(
          ExitCode.LOCKED,
          "another run of job "
              + e.jobId()
              + " on "
              + e.site()
              + " holds the state's lock ("
              + e.holder()
              + "): nothing was done; the next scheduled run continues");
    }
  }

  private String stateLocation() {
    String s = state != null ? state : SyncState.DEFAULT_FILE_NAME;
    return s.startsWith("jdbc:")
        ? s
        : root().workingDirectory().resolve(s).toAbsolutePath().normalize().toString();
  }

  private static SyncState open(String location, java.util.Map<String, String> env) {
    try {
      // PostgreSQL credentials from PGUSER / PGPASSWORD of the command's environment
      return SyncState.builder().location(location).environment(env).open();
    } catch (SyncStateException e) {
      throw CliException.config("cannot open the sync state: " + e.getMessage());
    }
  }
}
