package io.github.csmkit.client.bulk;

import io.github.csmkit.client.CsmClient;
import java.net.URI;
import java.nio.file.Path;

/**
 * The import the crash test runs in a child JVM and kills: {@code baseUri token journal jobId n}.
 */
public final class ImportChild {
  private ImportChild() {}

  public static void main(String[] args) {
    try (CsmClient csm = SandboxImports.client(URI.create(args[0]), args[1])) {
      ImportReport<String> report =
          BulkImporter.builder(csm, BulkTarget.CUSTOMER_PROFILES)
              .jobId(args[3])
              .journal(Path.of(args[2]))
              .build()
              .run(SandboxImports.emails(Integer.parseInt(args[4])), SandboxImports::create);
      System.out.println(report.summary());
      System.exit(report.counts().succeeded() == report.counts().read() ? 0 : 1);
    }
  }
}
