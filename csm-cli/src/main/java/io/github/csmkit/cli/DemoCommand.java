package io.github.csmkit.cli;

import io.github.csmkit.client.Credentials;
import io.github.csmkit.client.CsmClient;
import io.github.csmkit.hubspot.source.CsvExportSource;
import io.github.csmkit.hubspot.source.HubSpotRecord;
import io.github.csmkit.hubspot.source.PropertyCatalog;
import io.github.csmkit.hubspot.source.RecordSource;
import io.github.csmkit.sandbox.CsmSandbox;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code csmkit demo}: the bundled HubSpot export, migrated into an embedded sandbox. */
@Command(
    name = "demo",
    sortOptions = false,
    usageHelpAutoWidth = true,
    mixinStandardHelpOptions = true,
    description = {
      "Migrates a bundled HubSpot CSV export (500 contacts in 60 companies, with the bad rows real "
          + "exports have) into an embedded CSM sandbox, and prints the report. Nothing leaves this "
          + "machine; the report and the dead letters are written to the output directory.",
      ""
    },
    footerHeading = "%nExample:%n",
    footer = {"  csmkit demo                # then open csmkit-demo/report.html in a browser"})
final class DemoCommand extends BaseCommand {
  static final String CONTACTS = "demo/contacts.csv";
  static final String COMPANIES = "demo/companies.csv";

  @Option(
      names = "--output",
      paramLabel = "DIR",
      defaultValue = "csmkit-demo",
      description =
          "The run folder: report.json, report.html, dead-letters.csv, batches.jsonl"
              + " (default: ./${DEFAULT-VALUE}).")
  Path output;

  @Mixin ProgressOption progress = new ProgressOption();

  @Override
  public Integer call() {
    Path dir = root().workingDirectory().resolve(output);
    MigrationRun run =
        new MigrationRun(out(), err(), quiet, json, progress.mode, root().terminal());
    run.jobId = "csmkit-demo";
    run.runFolder = relative(dir);
    run.inputs.put("contacts", "(bundled) " + CONTACTS);
    run.inputs.put("companies", "(bundled) " + COMPANIES);
    run.customersTotal = OptionalLong.of(Inputs.count(open(CONTACTS, CsvExportSource::contacts)));
    if (!quiet) {
      err()
          .println(
              "csmkit demo: bundled HubSpot export ("
                  + CONTACTS
                  + ", "
                  + COMPANIES
                  + ") into an embedded CSM sandbox; nothing leaves this machine.");
    }
    try (CsmSandbox sandbox = CsmSandbox.builder().runsFor(Duration.ofMillis(20)).start();
        CsmClient csm =
            CsmClient.builder()
                .baseUri(sandbox.baseUri())
                .credentials(Credentials.bearer(sandbox.token()))
                .userAgentSuffix("csmkit-demo")
                .build()) {
      int code =
          run.run(
              csm,
              () -> open(COMPANIES, CsvExportSource::companies),
              () -> open(CONTACTS, CsvExportSource::contacts));
      if (!json) {
        out()
            .println(
                "The sandbox now holds "
                    + sandbox.organizations().size()
                    + " organizations and "
                    + sandbox.customers().size()
                    + " customers.");
        out()
            .println(
                "Next: open "
                    + run.runFolder.resolve("report.html")
                    + " in a browser, then try: csmkit migrate --contacts contacts.csv --companies"
                    + " companies.csv --dry-run");
        out().flush();
      }
      return code;
    }
  }

  private Path relative(Path p) {
    Path cwd = Path.of("").toAbsolutePath();
    Path abs = p.toAbsolutePath();
    return abs.startsWith(cwd) ? cwd.relativize(abs) : abs;
  }

  static <T extends HubSpotRecord> RecordSource<T> open(
      String resource,
      TriFunction<Reader, String, PropertyCatalog, ? extends RecordSource<T>> reader) {
    InputStream in = DemoCommand.class.getResourceAsStream("/" + resource);
    if (in == null) {
      throw new IllegalStateException("the demo data " + resource + " is missing from the jar");
    }
    return reader.apply(
        new InputStreamReader(in, StandardCharsets.UTF_8), resource, PropertyCatalog.empty());
  }

  /** {@code CsvExportSource::contacts} and {@code ::companies} on a reader. */
  @FunctionalInterface
  interface TriFunction<A, B, C, R> {
    R apply(A a, B b, C c);
  }
}
