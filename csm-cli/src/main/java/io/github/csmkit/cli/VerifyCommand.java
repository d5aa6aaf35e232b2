package io.github.csmkit.cli;

import io.github.csmkit.client.CsmClient;
import io.github.csmkit.hubspot.state.ObjectType;
import io.github.csmkit.hubspot.state.StateReader;
import io.github.csmkit.hubspot.state.SyncState;
import io.github.csmkit.hubspot.state.SyncStateException;
import io.github.csmkit.hubspot.verify.Difference;
import io.github.csmkit.hubspot.verify.DifferenceFile;
import io.github.csmkit.hubspot.verify.DifferenceSink;
import io.github.csmkit.hubspot.verify.StateVerification;
import io.github.csmkit.hubspot.verify.VerificationReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code csmkit verify}: every record of the sync state fetched back from CSM and compared. */
@Command(
    name = "verify",
    sortOptions = false,
    usageHelpAutoWidth = true,
    mixinStandardHelpOptions = true,
    description = {
      "Fetches every record of a job's sync state back from CSM (25 per request) and compares it "
          + "with what was last sent: that it exists, email or name, display name, every detail "
          + "field, and each customer's organizations. Reports every difference; reads only.",
      "Exit code 0 when at least one record was checked and none differs; 1 when any differs, "
          + "was never imported, has no known CSM id, or nothing was checked.",
      "",
      "Example:",
      "  export CSM_TOKEN=...",
      "  csmkit verify --state csmkit-state.db --job-id hubspot-portal-123 \\",
      "      --cloud-id a436116f-... --report verify.json",
      ""
    })
final class VerifyCommand extends BaseCommand {
  /** How many differences the summary prints; the report file has every one. */
  static final int PRINTED = 20;

  @Option(
      names = "--state",
      paramLabel = "PATH|JDBC-URL",
      defaultValue = SyncState.DEFAULT_FILE_NAME,
      description = "The sync state: a SQLite file or a JDBC URL (default: ${DEFAULT-VALUE}).")
  String state;

  @Option(
      names = "--job-id",
      paramLabel = "ID",
      required = true,
      description = "The job whose records to verify, as the migration recorded it.")
  String jobId;

  @Option(
      names = "--site",
      paramLabel = "SITE",
      description =
          "The site as the state records it; default: the target's base URL, the key the migration"
              + " records (for --cloud-id, the API gateway URL of that site).")
  String site;

  @Mixin TargetOptions target = new TargetOptions();

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description =
          "Every difference and the totals as JSON, streamed as they are found; owner-only.")
  Path report;

  @Override
  public Integer call() {
    String location = location();
    try (CsmClient csm = target.client(env());
        SyncState opened = open(location)) {
      String siteName = site != null ? site : csm.baseUri().toString();
      StateReader reader = opened.reader(jobId, siteName);
      if (!quiet) {
        err()
            .printf(
                "Verifying job %s on site %s from %s: %d organizations, %d customers ...%n",
                jobId,
                siteName,
                opened.location(),
                reader.count(ObjectType.COMPANY),
                reader.count(ObjectType.CONTACT));
        err().flush();
      }
      VerificationReport result = run(csm, reader);
      if (json) {
        out().println(result.toJson());
      } else {
        print(result, siteName, out());
      }
      out().flush();
      return result.passed() ? ExitCode.OK : ExitCode.FAILURES;
    }
  }

  private VerificationReport run(CsmClient csm, StateReader reader) {
    StateVerification.Builder b = StateVerification.builder().client(csm).state(reader);
    if (report == null) {
      return b.sink(DifferenceSink.NONE).build().run();
    }
    try (DifferenceFile file = DifferenceFile.create(resolve(report))) {
      VerificationReport result = b.sink(file).build().run();
      file.finish(result);
      return result;
    }
  }

  private String location() {
    if (state.startsWith("jdbc:")) {
      return state;
    }
    Path path = resolve(Path.of(state));
    // opening creates a state: a mistyped path must not verify an empty one
    if (!Files.isRegularFile(path)) {
      throw CliException.usage("no sync state at " + path + " (give --state PATH|JDBC-URL)");
    }
    return path.toString();
  }

  private static SyncState open(String location) {
    try {
      return SyncState.open(location);
    } catch (SyncStateException e) {
      throw CliException.config("cannot open the sync state: " + e.getMessage());
    }
  }

  private Path resolve(Path p) {
    return root().workingDirectory().resolve(p);
  }

  static void print(VerificationReport r, String site, PrintWriter out) {
    String verdict =
        r.passed()
            ? "PASSED"
            : r.checked() == 0
                ? "FAILED: nothing was checked (no record of this job and site with a CSM id)"
                : "FAILED: " + r.differences() + " differences";
    out.println("Verification on " + site + ": " + verdict);
    counts(out, "organizations", r.counts().get(ObjectType.COMPANY));
    counts(out, "customers", r.counts().get(ObjectType.CONTACT));
    List<String> kinds = new ArrayList<>();
    for (Difference.Kind k : Difference.Kind.values()) {
      long n = r.differencesByKind().getOrDefault(k, 0L);
      if (n > 0) {
        kinds.add(k + " " + n);
      }
    }
    if (!kinds.isEmpty()) {
      out.println("  differences: " + String.join(", ", kinds));
      List<Difference> shown = r.examples().subList(0, Math.min(PRINTED, r.examples().size()));
      shown.forEach(d -> out.println("    " + d.describe()));
      if (r.differences() > shown.size()) {
        out.println("    ... " + (r.differences() - shown.size()) + " more (see --report FILE)");
      }
    }
  }

  private static void counts(PrintWriter out, String label, VerificationReport.Counts c) {
    out.printf(
        "  %-13s %d in the state, %d checked: %d match, %d differ, %d not found in CSM;"
            + " %d never imported, %d with no known CSM id%n",
        label + ":",
        c.records(),
        c.checked(),
        c.matched(),
        c.differing(),
        c.notFound(),
        c.notImported(),
        c.csmIdUnknown());
  }
}
