package io.github.csmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csmkit.sandbox.CsmSandbox;
import io.github.csmkit.sandbox.CustomerSnapshot;
import io.github.csmkit.sandbox.Endpoint;
import io.github.csmkit.sandbox.OrganizationSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills {@code csmkit migrate --journal} (a child JVM, forcibly) at five points — during the
 * organizations, and at four depths of the customer journal — resuming each time; the sandbox then
 * holds exactly what a clean run makes, and nothing was created twice.
 */
class MigrateCrashTest {
  private static final String TOKEN = "crash-test-token-0123456789";

  @TempDir Path dir;

  @Test
  void killedAtFivePointsThenResumedEqualsACleanRun() throws Exception {
    Path contacts = demo("contacts.csv");
    Path companies = demo("companies.csv");
    Path journals = dir.resolve("journals");
    Path customerJournal = journals.resolve("crash.customers.journal");

    try (CsmSandbox crashed =
            CsmSandbox.builder().token(TOKEN).runsFor(Duration.ofMillis(120)).start();
        CsmSandbox clean =
            CsmSandbox.builder().token(TOKEN).runsFor(Duration.ofMillis(5)).start()) {
      List<BooleanSupplier> killPoints =
          List.of(
              () -> crashed.requestCount(Endpoint.ORGANIZATION_PROFILES) >= 1,
              () -> lines(customerJournal) >= 3,
              () -> lines(customerJournal) >= 7,
              () -> lines(customerJournal) >= 12,
              () -> lines(customerJournal) >= 17);
      List<String> killedAt = new ArrayList<>();
      for (BooleanSupplier point : killPoints) {
        Process child = migrate(crashed, contacts, companies, journals);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!point.getAsBoolean() && child.isAlive() && System.nanoTime() < deadline) {
          Thread.sleep(2);
        }
        boolean wasAlive = child.isAlive();
        child.destroyForcibly().waitFor();
        killedAt.add(
            (wasAlive ? "killed" : "ended") + " at " + lines(customerJournal) + " journal lines");
      }
      Process last = migrate(crashed, contacts, companies, journals);
      assertThat(last.waitFor(120, TimeUnit.SECONDS)).isTrue();
      String out = new String(last.getInputStream().readAllBytes());
      assertThat(last.exitValue()).as(out).isZero();
      assertThat(killedAt)
          .as(killedAt.toString())
          .allSatisfy(k -> assertThat(k).startsWith("killed"));

      Process reference = migrate(clean, contacts, companies, dir.resolve("clean-journals"));
      assertThat(reference.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(reference.exitValue()).isZero();

      assertThat(state(crashed)).isEqualTo(state(clean));
      assertThat(crashed.customers())
          .isNotEmpty()
          .allSatisfy(c -> assertThat(crashed.creationCount(c.email())).as(c.email()).isEqualTo(1));
      assertThat(crashed.organizations())
          .isNotEmpty()
          .allSatisfy(
              o ->
                  assertThat(crashed.organizationCreationCount(o.name()))
                      .as(o.name())
                      .isEqualTo(1));
    }
  }

  /**
   * Customers and organizations by email and name, with what they hold (ids differ between runs).
   */
  private static Map<String, String> state(CsmSandbox sandbox) {
    Map<String, String> orgNames = new TreeMap<>();
    sandbox.organizations().forEach(o -> orgNames.put(o.id(), o.name()));
    Map<String, String> state = new TreeMap<>();
    for (OrganizationSnapshot o : sandbox.organizations()) {
      state.put("org " + o.name(), new TreeMap<>(o.details()).toString());
    }
    for (CustomerSnapshot c : sandbox.customers()) {
      TreeSet<String> orgs = new TreeSet<>();
      c.organizationIds().forEach(id -> orgs.add(orgNames.get(id)));
      state.put(
          "customer " + c.email().toLowerCase(),
          c.displayName() + " " + new TreeMap<>(c.details()) + " " + orgs);
    }
    return state;
  }

  private Process migrate(CsmSandbox sandbox, Path contacts, Path companies, Path journals)
      throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "migrate",
                "--contacts",
                contacts.toString(),
                "--companies",
                companies.toString(),
                "--base-url",
                sandbox.baseUri().toString(),
                "--journal",
                journals.toString(),
                "--job-id",
                "crash",
                "--quiet")
            // the run folders go to the test's folder, not the module's
            .directory(dir.toFile())
            .redirectErrorStream(true);
    pb.environment().put("CSM_TOKEN", TOKEN);
    return pb.start();
  }

  private Path demo(String name) throws IOException {
    try (InputStream in = MigrateCrashTest.class.getResourceAsStream("/demo/" + name)) {
      Path file = dir.resolve(name);
      Files.copy(in, file);
      return file;
    }
  }

  private static int lines(Path journal) {
    try {
      return Files.exists(journal)
          ? (int) Files.readAllLines(journal).stream().filter(l -> l.endsWith("}")).count()
          : 0;
    } catch (IOException e) {
      return 0;
    }
  }
}
