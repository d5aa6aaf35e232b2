package io.github.csmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.csmkit.hubspot.sandbox.HubSpotEndpoint;
import io.github.csmkit.hubspot.sandbox.HubSpotFault;
import io.github.csmkit.hubspot.sandbox.HubSpotPortal;
import io.github.csmkit.hubspot.sandbox.HubSpotSandbox;
import io.github.csmkit.hubspot.sandbox.ObjectType;
import io.github.csmkit.sandbox.CsmSandbox;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code csmkit sync} in-process against both sandboxes over HTTP: exit codes 0, 3 (a token HubSpot
 * refuses), 4 (HubSpot's daily limit) and 5 (another run holds the job's lock, on a real
 * PostgreSQL), the run folder's sync facts, and no token anywhere in the output or the files.
 */
class SyncCommandTest {
  private static final String CSM_TOKEN = "csm-sync-token-0123456789abcdef";
  private static final String HUBSPOT_TOKEN = "pat-na1-sync-0123456789abcdef";

  @TempDir Path dir;
  private CsmSandbox csm;
  private HubSpotSandbox hubspot;
  private HubSpotPortal portal;

  @BeforeEach
  void start() {
    csm = CsmSandbox.builder().runsFor(Duration.ofMillis(2)).token(CSM_TOKEN).start();
    hubspot = HubSpotSandbox.builder().token(HUBSPOT_TOKEN).start();
    portal = hubspot.portal();
    List<String> companies =
        portal.createMany(ObjectType.COMPANIES, 3, i -> Map.of("name", "Co " + i));
    for (int i = 0; i < 120; i++) {
      String id =
          portal.createContact(
              Map.of("email", "p" + i + "@example.com", "firstname", "P" + i, "lastname", "Doe"));
      portal.associate(id, companies.get(i % 3), true);
    }
  }

  @AfterEach
  void stop() {
    hubspot.close();
    csm.close();
  }

  private CliRunner.Result sync(String hubspotToken, String state, String... more) {
    Map<String, String> env =
        Map.of("CSM_TOKEN", CSM_TOKEN, "HUBSPOT_TOKEN", hubspotToken, "PGUSER", "postgres");
    String[] args =
        Stream.concat(
                Stream.of(
                    "sync",
                    "--hubspot-token-env",
                    "HUBSPOT_TOKEN",
                    "--hubspot-base-url",
                    hubspot.baseUri().toString(),
                    "--base-url",
                    csm.baseUri().toString(),
                    "--state",
                    state,
                    "--job-id",
                    "portal-1",
                    "--progress",
                    "none"),
                Stream.of(more))
            .toArray(String[]::new);
    return CliRunner.run(env, dir, args);
  }

  @Test
  void aFullSyncThenAnIncrementalOneWritingTheRunFolder() throws Exception {
    CliRunner.Result first = sync(HUBSPOT_TOKEN, "state.db");
    assertThat(first.code()).as(first.all()).isZero();
    assertThat(csm.customers()).hasSize(120);
    assertThat(first.out()).contains("contacts: read in full");

    portal.update(
        ObjectType.CONTACTS,
        portal.records(ObjectType.CONTACTS).get(0).id(),
        Map.of("firstname", "Changed"));
    hubspot.resetRequests();
    CliRunner.Result second = sync(HUBSPOT_TOKEN, "state.db", "--json");
    assertThat(second.code()).as(second.all()).isZero();
    JsonNode doc = new ObjectMapper().readTree(second.out());
    JsonNode facts = doc.path("hubspotSync");
    assertThat(facts.path("contacts").path("read").asText()).isEqualTo("incremental");
    assertThat(facts.path("contacts").path("watermarkBefore").isTextual()).isTrue();
    assertThat(facts.path("hubspotRequests").path("SEARCH").asLong()).isEqualTo(2);
    assertThat(facts.path("hubspotRequests").path("LIST").asLong()).isEqualTo(2); // archived
    assertThat(hubspot.requestCount(HubSpotEndpoint.LIST)).isEqualTo(2);
    assertThat(csm.customers()).hasSize(120);
    Path report = Path.of(doc.path("files").path("report").asText());
    assertThat(new ObjectMapper().readTree(report.toFile()).path("hubspotSync").path("runId"))
        .isEqualTo(facts.path("runId"));
    // report.html shows the delta and what was read from HubSpot, as report.json counts them
    String html = Files.readString(Path.of(doc.path("files").path("html").asText()));
    assertThat(html)
        .contains("<h1>csmkit sync <code>portal-1</code>")
        .contains("data-read=\"contacts\">incremental<")
        .contains("data-count=\"sync.customers.updated\">1<")
        .contains("data-count=\"sync.customers.read\">1<")
        .contains("data-count=\"hubspotSync.contacts.alreadySettled\">119<")
        .contains("id=\"state-run\">" + doc.at("/sync/runId").asText() + "<")
        .contains(
            "data-count=\"hubspotSync.hubspotRequestsTotal\">"
                + facts.path("hubspotRequestsTotal").asLong()
                + "<");
    assertNoToken(first, second);
  }

  @Test
  void aTokenHubSpotRefusesIsAConfigurationError() throws Exception {
    CliRunner.Result r = sync("pat-na1-wrong-9876543210", "state.db");
    assertThat(r.code()).as(r.all()).isEqualTo(ExitCode.CONFIG);
    assertThat(r.err()).contains("HubSpot refused the token");
    assertThat(r.all()).doesNotContain("pat-na1-wrong-9876543210");
    assertThat(csm.customers()).isEmpty();
    assertNoToken(r);
  }

  @Test
  void plainHttpToARemoteHubSpotIsRefusedBeforeAnythingIsSent() throws Exception {
    CliRunner.Result r =
        CliRunner.run(
            Map.of("CSM_TOKEN", CSM_TOKEN, "HUBSPOT_TOKEN", HUBSPOT_TOKEN),
            dir,
            "sync",
            "--hubspot-token-env",
            "HUBSPOT_TOKEN",
            "--hubspot-base-url",
            "http://hubspot-proxy.example.com:8080",
            "--base-url",
            csm.baseUri().toString(),
            "--state",
            "state.db",
            "--progress",
            "none");
    assertThat(r.code()).as(r.all()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err())
        .contains("hubspot-proxy.example.com")
        .contains("unencrypted")
        .doesNotContain("allowInsecureHttp");
    assertThat(csm.customers()).isEmpty();
    assertNoToken(r);
  }

  @Test
  void theDailyLimitStopsTheRunWithExitFour() throws Exception {
    assertThat(sync(HUBSPOT_TOKEN, "state.db").code()).isZero();
    hubspot.faults().next(HubSpotEndpoint.SEARCH, HubSpotFault.dailyLimit());
    CliRunner.Result r = sync(HUBSPOT_TOKEN, "state.db");
    assertThat(r.code()).as(r.all()).isEqualTo(ExitCode.STOPPED);
    assertThat(r.err()).contains("daily API limit");
    // stopped before its migration began, the run still has its page, saying why
    String folder = r.out().lines().filter(l -> l.startsWith("Run folder: ")).findFirst().get();
    Path html =
        Path.of(
                folder
                    .substring("Run folder: ".length())
                    .replace(" (open report.html in a browser)", ""))
            .resolve("report.html");
    assertThat(Files.readString(html))
        .contains("<h1>csmkit sync <code>portal-1</code>")
        .contains("id=\"sync-stop\"><b>Sync stopped:</b> HubSpot&#39;s daily API limit")
        .contains("data-read=\"contacts\">not read<");
    assertNoToken(r);
  }

  @Test
  void twoSyncsOfOneJobOnOnePostgresqlExactlyOneRunsTheOtherExitsFive() throws Exception {
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres";
      // the first run holds the lock while HubSpot answers its first two searches slowly (the
      // sandbox logs a request once answered: the second delay is the window the test uses)
      hubspot
          .faults()
          .next(
              HubSpotEndpoint.SEARCH,
              HubSpotFault.delay(Duration.ofSeconds(1)),
              HubSpotFault.delay(Duration.ofSeconds(4)));
      CompletableFuture<CliRunner.Result> holder =
          CompletableFuture.supplyAsync(() -> sync(HUBSPOT_TOKEN, url));
      while (hubspot.requests().isEmpty() && !holder.isDone()) {
        Thread.sleep(20);
      }
      long t0 = System.nanoTime();
      CliRunner.Result refused = sync(HUBSPOT_TOKEN, url);
      long millis = (System.nanoTime() - t0) / 1_000_000;
      assertThat(refused.code()).as(refused.all()).isEqualTo(ExitCode.LOCKED);
      assertThat(refused.err()).contains("holds the state's lock").contains("portal-1");
      assertThat(millis).as("exits at once").isLessThan(3_000);
      assertThat(holder.isDone()).as("the first is still running").isFalse();
      CliRunner.Result ran = holder.get();
      assertThat(ran.code()).as(ran.all()).isZero();
      assertThat(csm.customers()).hasSize(120);
      for (var c : csm.customers()) {
        assertThat(csm.creationCount(c.email())).isEqualTo(1);
      }
      // the lock is released with the run: the next scheduled run proceeds
      CliRunner.Result next = sync(HUBSPOT_TOKEN, url);
      assertThat(next.code()).as(next.all()).isZero();
      assertNoToken(refused, ran, next);
    }
  }

  private void assertNoToken(CliRunner.Result... results) throws Exception {
    for (CliRunner.Result r : results) {
      assertThat(r.all()).doesNotContain(HUBSPOT_TOKEN).doesNotContain(CSM_TOKEN);
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        if (f.getFileName().toString().endsWith(".db")) {
          continue; // binary SQLite; checked through the CLI output and reports
        }
        String text = Files.readString(f);
        assertThat(text).as(f.toString()).doesNotContain(HUBSPOT_TOKEN).doesNotContain(CSM_TOKEN);
      }
    }
  }
}
