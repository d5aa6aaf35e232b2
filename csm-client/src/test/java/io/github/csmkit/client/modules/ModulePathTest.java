package io.github.csmkit.client.modules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csmkit.client.CsmClient;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * csm-client as a real module: a small program that {@code requires io.github.csmkit.client} is
 * compiled and run on the module path, in a JVM of its own; one that imports the {@code internal}
 * package does not compile.
 */
class ModulePathTest {
  @TempDir Path dir;

  @Test
  void aProgramOnTheModulePathUsesThePublicApi() throws Exception {
    Path out = dir.resolve("out");
    String errors =
        compile(
            """
            package smoke;

            import io.github.csmkit.client.Backoff;
            import io.github.csmkit.client.CsmClient;
            import io.github.csmkit.client.Credentials;
            import io.github.csmkit.client.model.CustomerProfile;
            import io.github.csmkit.client.model.CustomerProfileBatch;
            import io.github.csmkit.client.model.CustomerProfileOperation;
            import java.time.Duration;
            import java.util.List;

            public class Main {
              public static void main(String[] args) {
                try (CsmClient csm = CsmClient.builder().baseUri("http://127.0.0.1:9")
                    .credentials(Credentials.bearer("a-secret-token")).build()) {
                  CustomerProfileBatch batch = CustomerProfileBatch.of(List.of(
                      CustomerProfileOperation.create(CustomerProfile.builder()
                          .email("john.doe@example.com").displayName("John Doe").build())));
                  String body = new String(csm.customerProfiles().requestBody(batch),
                      java.nio.charset.StandardCharsets.UTF_8);
                  Module m = CsmClient.class.getModule();
                  System.out.println(m.getName() + " named=" + m.isNamed()
                      + " internal=" + m.isExported("io.github.csmkit.client.internal")
                      + " bulk=" + m.isExported("io.github.csmkit.client.bulk")
                      + " delay=" + Backoff.fixed(Duration.ofMillis(7)).delay(3).toMillis());
                  System.out.println(body);
                }
              }
            }
            """,
            out);
    assertThat(errors).isEmpty();

    String modulePath = modulePath() + File.pathSeparator + out;
    Process p =
        new ProcessBuilder(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path",
                modulePath,
                "-m",
                "smoke/smoke.Main")
            .redirectErrorStream(true)
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(output).isZero();
    assertThat(output)
        .contains("io.github.csmkit.client named=true internal=false bulk=true delay=7")
        .contains("\"email\":\"john.doe@example.com\"")
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
                System.out.println(io.github.csmkit.client.internal.Hashes.class);
              }
            }
            """,
            dir.resolve("out"));
    assertThat(errors).contains("io.github.csmkit.client.internal").contains("not visible");
  }

  /** Compiles module {@code smoke} with this source; returns the compiler's errors. */
  private String compile(String main, Path out) throws IOException {
    Path src = dir.resolve("src");
    Files.createDirectories(src.resolve("smoke"));
    Files.writeString(
        src.resolve("module-info.java"),
        "module smoke { requires io.github.csmkit.client; }",
        StandardCharsets.UTF_8);
    Files.writeString(src.resolve("smoke/Main.java"), main, StandardCharsets.UTF_8);
    // the JDK's javac in a process of its own: this test itself runs on the class path
    Process javac =
        new ProcessBuilder(
                Paths.get(System.getProperty("java.home"), "bin", "javac").toString(),
                "--module-path",
                modulePath(),
                "-d",
                out.toString(),
                src.resolve("module-info.java").toString(),
                src.resolve("smoke/Main.java").toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      assertThat(javac.waitFor(120, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    return javac.exitValue() == 0 ? "" : output;
  }

  /** csm-client's classes and the Jackson jars they need, from this test's class path. */
  private static String modulePath() {
    String classes;
    try {
      classes =
          Paths.get(CsmClient.class.getProtectionDomain().getCodeSource().getLocation().toURI())
              .toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    List<String> jackson =
        Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(
                e ->
                    e.contains("jackson-databind")
                        || e.contains("jackson-core")
                        || e.contains("jackson-annotations"))
            .collect(Collectors.toList());
    assertThat(jackson).hasSize(3);
    jackson.add(0, classes);
    return String.join(File.pathSeparator, jackson);
  }
}
