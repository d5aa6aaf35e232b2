package io.github.csmkit.hubspot.modules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csmkit.client.CsmClient;
import io.github.csmkit.hubspot.mapping.HubSpotMapping;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * hubspot-mapper as a real module: a small program that {@code requires io.github.csmkit.hubspot}
 * is compiled and run on the module path, in a JVM of its own — it reads a mapping file (Jackson
 * reflection into the module's records), a CSV export, and maps a contact; one that imports the
 * {@code internal} package does not compile.
 */
class ModulePathTest {
  @TempDir Path dir;

  @Test
  void aProgramOnTheModulePathReadsMapsAndConfiguresAMigration() throws Exception {
    Files.writeString(dir.resolve("mapping.yaml"), HubSpotMapping.defaults().toYaml());
    Files.writeString(
        dir.resolve("contacts.csv"),
        """
        "Record ID","First Name","Last Name","Email","Company Name"
        "1","John","Doe","john.doe@example.com","Acme Corporation"
        "2","Broken"
        """);
    Path out = dir.resolve("out");
    String errors =
        compile(
            """
            package smoke;

            import io.github.csmkit.client.Credentials;
            import io.github.csmkit.client.CsmClient;
            import io.github.csmkit.hubspot.mapping.HubSpotMapping;
            import io.github.csmkit.hubspot.mapping.MappedContact;
            import io.github.csmkit.hubspot.mapping.Mapper;
            import io.github.csmkit.hubspot.migration.HubSpotMigration;
            import io.github.csmkit.hubspot.source.CsvExportSource;
            import io.github.csmkit.hubspot.source.HubSpotContact;
            import io.github.csmkit.hubspot.source.SourceRecord;
            import java.io.StringReader;
            import java.nio.file.Path;

            public class Main {
              public static void main(String[] args) throws Exception {
                Path dir = Path.of(args[0]);
                HubSpotMapping mapping = HubSpotMapping.load(dir.resolve("mapping.yaml"));
                boolean same = HubSpotMapping.parse(new StringReader(mapping.toYaml()), "again", false)
                    .equals(mapping);
                System.out.println("mapping=" + same + " default=" + mapping.equals(HubSpotMapping.defaults()));
                try (CsvExportSource<HubSpotContact> contacts =
                    CsvExportSource.contacts(dir.resolve("contacts.csv"))) {
                  for (SourceRecord<HubSpotContact> r : contacts) {
                    if (r instanceof SourceRecord.Parsed<HubSpotContact> p) {
                      MappedContact m = Mapper.of(mapping).map(p.value());
                      System.out.println("mapped " + m.operation().orElseThrow().payload().email().orElseThrow()
                          + " " + m.organizationNames());
                    } else {
                      System.out.println("unreadable " + ((SourceRecord.Rejected<HubSpotContact>) r).rule());
                    }
                  }
                }
                try (CsmClient csm = CsmClient.builder().baseUri("http://127.0.0.1:9")
                    .credentials(Credentials.bearer("a-secret-token")).build()) {
                  HubSpotMigration.builder(csm).jobId("smoke").mapping(mapping).build();
                }
                Module m = HubSpotMapping.class.getModule();
                System.out.println(m.getName() + " named=" + m.isNamed()
                    + " internal=" + m.isExported("io.github.csmkit.hubspot.internal")
                    + " migration=" + m.isExported("io.github.csmkit.hubspot.migration"));
              }
            }
            """,
            out);
    assertThat(errors).isEmpty();

    Process p =
        new ProcessBuilder(
                java("java"),
                "--module-path",
                modulePath() + File.pathSeparator + out,
                "-m",
                "smoke/smoke.Main",
                dir.toString())
            .redirectErrorStream(true)
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(output).isZero();
    assertThat(output)
        .contains("mapping=true default=true")
        .contains("mapped john.doe@example.com [Acme Corporation]")
        .contains("unreadable COLUMN_COUNT")
        .contains("io.github.csmkit.hubspot named=true internal=false migration=true")
        .doesNotContain("a-secret-token");
  }

  @Test
  void theInternalPackageIsNotExported() throws Exception {
    String errors =
        compile(
            """
            package smoke;

            public class Main {
              public static void main(String[] args) {
                System.out.println(io.github.csmkit.hubspot.internal.LookAhead.class);
              }
            }
            """,
            dir.resolve("out"));
    assertThat(errors).contains("io.github.csmkit.hubspot.internal").contains("not visible");
  }

  private static String java(String tool) {
    return Paths.get(System.getProperty("java.home"), "bin", tool).toString();
  }

  /** Compiles module {@code smoke} with this source; returns the compiler's errors. */
  private String compile(String main, Path out) throws IOException, InterruptedException {
    Path src = dir.resolve("src");
    Files.createDirectories(src.resolve("smoke"));
    Files.writeString(
        src.resolve("module-info.java"), "module smoke { requires io.github.csmkit.hubspot; }");
    Files.writeString(src.resolve("smoke/Main.java"), main);
    // the JDK's javac in a process of its own: this test itself runs on the class path
    Process javac =
        new ProcessBuilder(
                java("javac"),
                "--module-path",
                modulePath(),
                "-d",
                out.toString(),
                src.resolve("module-info.java").toString(),
                src.resolve("smoke/Main.java").toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(javac.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return javac.exitValue() == 0 ? "" : output;
  }

  /** hubspot-mapper's and csm-client's classes and the Jackson jars they need. */
  private static String modulePath() {
    List<String> path = new ArrayList<>();
    path.add(location(HubSpotMapping.class));
    path.add(location(CsmClient.class));
    List<String> jars =
        Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(
                e ->
                    Stream.of(
                            "jackson-databind",
                            "jackson-core",
                            "jackson-annotations",
                            "jackson-dataformat-yaml",
                            "snakeyaml")
                        .anyMatch(e::contains))
            .toList();
    assertThat(jars).hasSize(5);
    path.addAll(jars);
    return String.join(File.pathSeparator, path);
  }

  private static String location(Class<?> c) {
    try {
      return Paths.get(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
