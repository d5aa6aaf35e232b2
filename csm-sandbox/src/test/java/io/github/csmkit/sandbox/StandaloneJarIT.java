package io.github.csmkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The shaded {@code csm-sandbox-<v>-standalone.jar}, as a script in another language would use it:
 * {@code java -jar} in a child JVM with nothing else on its class path, then plain HTTP.
 */
class StandaloneJarIT {
  static final Path JAR = Path.of(System.getProperty("csmkit.standaloneJar", "missing.jar"));
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void runsWithJavaDashJarAndServesTheApi() throws Exception {
    assertThat(JAR).exists();
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-jar",
                JAR.toString(),
                "--port",
                "" + port,
                "--token",
                "it-token",
                "--runs-for-ms",
                "0")
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).isEqualTo("baseUri=http://127.0.0.1:" + port);
      assertThat(out.readLine()).isEqualTo("token=it-token");
      String base = "http://127.0.0.1:" + port + "/api/v1";

      HttpResponse<String> submitted =
          send(
              request(base + "/customer/bulk", "it-token")
                  .header("Content-Type", "application/json")
                  .header("Idempotency-Key", "standalone-1")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"customers\":[{\"email\":\"ada@example.com\"}]}"))
                  .build());
      assertThat(submitted.statusCode()).isEqualTo(201);
      String statusUrl = submitted.body().replaceAll(".*\"statusUrl\":\"([^\"]+)\".*", "$1").trim();
      HttpResponse<String> task =
          send(request("http://127.0.0.1:" + port + statusUrl, "it-token").GET().build());
      assertThat(task.statusCode()).isEqualTo(200);
      assertThat(task.body()).contains("\"status\":\"FINISHED\"").contains("\"failures\":[]");

      assertThat(send(request(base + "/customer/details", "wrong").GET().build()).statusCode())
          .isEqualTo(401);
    } finally {
      p.destroy();
      assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void carriesJacksonAndTheNoticesButNoModuleDescriptorOrJUnit() throws Exception {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
          .isEqualTo("io.github.csmkit.sandbox.CsmSandboxMain");
      List<String> names = Collections.list(jar.entries()).stream().map(ZipEntry::getName).toList();
      // booleans, so that a failure does not print two thousand entry names
      assertThat(names.contains("com/fasterxml/jackson/databind/ObjectMapper.class")).isTrue();
      assertThat(names.contains("META-INF/LICENSE")).isTrue();
      assertThat(names.stream().filter(n -> n.endsWith("module-info.class"))).isEmpty();
      assertThat(names.stream().filter(n -> n.startsWith("org/junit/"))).isEmpty();
      String notice =
          new String(
              jar.getInputStream(jar.getEntry("META-INF/NOTICE")).readAllBytes(),
              StandardCharsets.UTF_8);
      assertThat(notice).contains("csmkit").contains("Jackson");
    }
    assertThat(Files.size(JAR)).isLessThan(5_000_000);
  }

  static HttpRequest.Builder request(String uri, String token) {
    return HttpRequest.newBuilder(URI.create(uri))
        .timeout(Duration.ofSeconds(10))
        .header("Authorization", "Bearer " + token)
        .header("X-ExperimentalApi", "opt-in");
  }

  static HttpResponse<String> send(HttpRequest r) throws Exception {
    return HTTP.send(r, HttpResponse.BodyHandlers.ofString());
  }
}
