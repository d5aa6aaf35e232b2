package io.github.csmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive as a user gets it: target/csmkit-VERSION.tar.gz unpacked into an empty folder
 * outside the build, and its bin/csmkit run in a real shell with a real JVM and exit code.
 */
class CsmkitArchiveIT {
  static final Path TARGET = Path.of("target").toAbsolutePath();

  @TempDir static Path install;
  @TempDir Path dir;
  static Path launcher;

  record Run(int code, String out, String err) {}

  @BeforeAll
  static void unpack() throws Exception {
    Path archive;
    try (var files = Files.list(TARGET)) {
      archive =
          files
              .filter(p -> p.getFileName().toString().matches("csmkit-.*\\.tar\\.gz"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no csmkit-*.tar.gz in " + TARGET));
    }
    Process tar =
        new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", install.toString())
            .inheritIO()
            .start();
    assertThat(tar.waitFor()).isEqualTo(0);
    Path home;
    try (var dirs = Files.list(install)) {
      home = dirs.findFirst().orElseThrow();
    }
    assertThat(home.getFileName().toString()).startsWith("csmkit-");
    launcher = home.resolve("bin/csmkit");
    assertThat(Files.getPosixFilePermissions(launcher))
        .isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThat(home.resolve("bin/csmkit.cmd")).isRegularFile();
    assertThat(Files.readString(home.resolve("bin/csmkit.cmd"))).contains("\r\n");
    for (String f : List.of("README.md", "LICENSE", "NOTICE")) {
      assertThat(home.resolve(f)).isRegularFile();
    }
    try (var jars = Files.list(home.resolve("lib"))) {
      assertThat(jars.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.startsWith("csm-cli-"))
          .anyMatch(n -> n.startsWith("csm-client-"))
          .anyMatch(n -> n.startsWith("picocli-"));
    }
  }

  Run csmkit(Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(launcher.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .directory(dir.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .redirectOutput(dir.resolve("out.txt").toFile())
            .redirectError(dir.resolve("err.txt").toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("finished within 90 s").isTrue();
    return new Run(
        p.exitValue(),
        Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
  }

  Run csmkit(String... args) throws IOException, InterruptedException {
    return csmkit(Map.of("JAVA_HOME", System.getProperty("java.home")), args);
  }

  @Test
  void demoRunsFromTheArchive() throws Exception {
    Run r = csmkit("demo");

    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(0);
    assertThat(r.out())
        .contains("customers: 500 read, 488 imported")
        .contains("Report: csmkit-demo/report.json");
    assertThat(dir.resolve("csmkit-demo/report.json")).isRegularFile();
    assertThat(dir.resolve("csmkit-demo/dead-letters.csv")).isRegularFile();
    // no java.util.logging lines without --verbose; stderr is a file, so no redrawn lines
    assertThat(r.err()).doesNotContain("INFO:").contains("Customers ...").doesNotContain("\r");
  }

  @Test
  void exitCodesReachTheShell() throws Exception {
    Run version = csmkit("--version");
    assertThat(version.code()).isEqualTo(0);
    assertThat(version.out()).startsWith("csmkit ").contains("Java ");
    assertThat(csmkit("migrate", "--bogus").code()).isEqualTo(2);
    Run noToken =
        csmkit(
            "migrate",
            "--contacts",
            launcher.toString(),
            "--base-url",
            "http://127.0.0.1:9",
            "--token-env",
            "CSMKIT_TEST_UNSET_VARIABLE");
    assertThat(noToken.code()).isEqualTo(3);
  }

  @Test
  void withoutJavaItSaysWhatToInstall() throws Exception {
    // a PATH with the tools the script uses but no java, and no JAVA_HOME
    Path bin = Files.createDirectories(dir.resolve("bin"));
    for (String tool : List.of("sed", "ls", "dirname", "head")) {
      for (String d : List.of("/usr/bin", "/bin")) {
        Path real = Path.of(d, tool);
        if (Files.isExecutable(real) && !Files.exists(bin.resolve(tool))) {
          Path wrapper = bin.resolve(tool);
          Files.writeString(wrapper, "#!/bin/sh\nexec " + real + " \"$@\"\n");
          Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));
        }
      }
    }
    Run r = csmkit(Map.of("PATH", bin.toString(), "JAVA_HOME", ""), "--version");

    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err())
        .contains("no Java found")
        .contains("Java 17 or newer")
        .contains("JAVA_HOME");
  }

  @Test
  void anOldJavaIsNamedAndRefused() throws Exception {
    Path fake = Files.createDirectories(dir.resolve("old-jdk/bin")).resolve("java");
    Files.writeString(fake, "#!/bin/sh\necho 'openjdk version \"11.0.2\" 2019-01-15' >&2\n");
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
    Run r = csmkit(Map.of("JAVA_HOME", dir.resolve("old-jdk").toString()), "--version");

    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("is Java 11.0.2").contains("needs Java 17 or newer");

    Files.writeString(fake, "#!/bin/sh\necho 'java version \"1.8.0_292\"' >&2\n");
    assertThat(csmkit(Map.of("JAVA_HOME", dir.resolve("old-jdk").toString()), "--version").err())
        .contains("is Java 1.8.0_292");
  }

  @Test
  void ctrlCExitsWith4WhateverTheCommandWasDoing() throws Exception {
    Path out = dir.resolve("sandbox-out.txt");
    ProcessBuilder pb =
        new ProcessBuilder(launcher.toString(), "sandbox")
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(dir.resolve("sandbox-err.txt").toFile());
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process p = pb.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.readString(out).contains("token=") && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(Files.readString(out)).contains("baseUri=");
    // the launcher execs java: its pid is the JVM's, so this is Ctrl-C as a terminal sends it
    new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).inheritIO().start().waitFor();

    assertThat(p.waitFor(40, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(4);
    assertThat(Files.readString(dir.resolve("sandbox-err.txt"))).contains("interrupted");
  }
}
