package io.github.csmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.csmkit.hubspot.sandbox.HubSpotPortal;
import io.github.csmkit.hubspot.sandbox.HubSpotSandbox;
import io.github.csmkit.hubspot.sandbox.ObjectType;
import io.github.csmkit.sandbox.CsmSandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html in a real browser: headless Chromium loads the demo's report (and one with 100,000
 * failures), and the page must log nothing to the console (no script error, no request the
 * Content-Security-Policy blocked), show the counts of report.json, and hold its charts. The
 * screenshots stay in target/report-html/ as build artefacts.
 *
 * <p>Skips, saying why, only where no Chromium is installed, and never when {@code CI=true}: CI
 * installs Debian's {@code chromium} package ({@code .ci/run}).
 */
class ReportHtmlBrowserTest {
  static final Path ARTEFACTS = Path.of("target/report-html").toAbsolutePath();
  static final Pattern COUNT = Pattern.compile("data-count=\"([^\"]+)\">([0-9,]+)<");

  @TempDir static Path work;
  static Path chromium;

  @BeforeAll
  static void findChromium() throws IOException {
    Optional<Path> found = chromium();
    if (found.isEmpty()) {
      String why =
          "no Chromium found (set CSMKIT_CHROMIUM, or install Debian's 'chromium' package:"
              + " apt-get install -y chromium)";
      assertThat("true".equalsIgnoreCase(System.getenv("CI")))
          .as("CI=true and " + why + ": CI must run this test")
          .isFalse();
      Assumptions.abort(why);
    }
    chromium = found.get();
    Files.createDirectories(ARTEFACTS);
  }

  static Optional<Path> chromium() {
    String given = System.getenv("CSMKIT_CHROMIUM");
    if (given != null && !given.isBlank()) {
      return Optional.of(Path.of(given));
    }
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  record Page(String dom, List<String> console) {}

  /** Loads the page, returns the DOM after its script ran and every console line it logged. */
  static Page load(Path html, Path screenshot) throws Exception {
    Path profile = Files.createTempDirectory(work, "profile");
    List<String> common =
        List.of(
            chromium.toString(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--user-data-dir=" + profile,
            "--enable-logging=stderr",
            "--v=0");
    List<String> dump = new ArrayList<>(common);
    dump.addAll(List.of("--dump-dom", html.toUri().toString()));
    String[] dom = run(dump, html.resolveSibling("dom.txt"));
    List<String> shot = new ArrayList<>(common);
    shot.addAll(
        List.of(
            "--window-size=1280,2200",
            "--hide-scrollbars",
            "--screenshot=" + screenshot,
            html.toUri().toString()));
    String[] s = run(shot, html.resolveSibling("shot.txt"));
    List<String> console = new ArrayList<>();
    for (String err : new String[] {dom[1], s[1]}) {
      err.lines().filter(l -> l.contains(":CONSOLE")).forEach(console::add);
    }
    return new Page(dom[0], console);
  }

  private static String[] run(List<String> cmd, Path out) throws Exception {
    Path err = out.resolveSibling(out.getFileName() + ".err");
    Process p =
        new ProcessBuilder(cmd)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish in 120 s: " + cmd);
    }
    return new String[] {
      Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8)
    };
  }

  /** Every count the page shows, by its data-count key. */
  static Map<String, Long> counts(String dom) {
    Map<String, Long> counts = new LinkedHashMap<>();
    Matcher m = COUNT.matcher(dom);
    while (m.find()) {
      counts.put(m.group(1), Long.parseLong(m.group(2).replace(",", "")));
    }
    return counts;
  }

  /** What report.json says for a data-count key. */
  static long expected(JsonNode doc, String key) {
    String[] k = key.split("\\.");
    return switch (k[0]) {
      case "recordsNotImported", "duplicatesSkipped" -> doc.path(k[0]).asLong();
      case "verification" -> {
        JsonNode v = doc.path("verification").path(k[1]);
        yield v.isArray() ? v.size() : v.asLong();
      }
      case "failures", "deadLetters" -> {
        long n = 0;
        for (JsonNode p : doc.path("phases")) {
          n += p.path("failures").size();
        }
        yield n;
      }
      case "unattributed" -> {
        long n = 0;
        for (JsonNode p : doc.path("phases")) {
          n += p.path("unattributed").size();
        }
        yield n;
      }
      case "sync", "hubspotSync" -> {
        JsonNode v = doc.path(k[0]);
        for (int i = 1; i < k.length; i++) {
          v = v.path(k[i]);
        }
        yield v.isArray() ? v.size() : v.asLong();
      }
      default -> {
        JsonNode v = doc.path("phases").path(k[0]).path(k[1]);
        yield v.isArray() ? v.size() : v.asLong();
      }
    };
  }

  static void assertShowsTheReport(Page page, JsonNode doc, int minCounts) {
    assertThat(page.console()).as("console messages").isEmpty();
    Map<String, Long> shown = counts(page.dom());
    assertThat(shown).hasSizeGreaterThanOrEqualTo(minCounts);
    shown.forEach((key, value) -> assertThat(value).as(key).isEqualTo(expected(doc, key)));
    // the charts: a bar for each phase that read something, a line per phase that imported
    assertThat(page.dom()).contains("<svg class=\"chart bars\"");
    long phasesWithRecords = 0;
    for (JsonNode p : doc.path("phases")) {
      phasesWithRecords += p.path("read").asLong() > 0 ? 1 : 0;
    }
    assertThat(count(page.dom(), "<rect ")).isGreaterThanOrEqualTo((int) phasesWithRecords);
    assertThat(page.dom()).contains("id=\"status\">" + doc.at("/outcome/status").asText() + "<");
  }

  static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }

  @Test
  void theDemosReportRendersWithItsCountsAndCharts() throws Exception {
    Path out = work.resolve("demo");
    CliRunner.Result r =
        CliRunner.run(Map.of(), work, "demo", "--quiet", "--output", out.toString());
    assertThat(r.code()).as(r.all()).isEqualTo(0);
    JsonNode doc = new ObjectMapper().readTree(out.resolve("report.json").toFile());
    Path shot = ARTEFACTS.resolve("demo-report.png");

    Page page = load(out.resolve("report.html"), shot);

    assertShowsTheReport(page, doc, 30);
    assertThat(counts(page.dom())).containsEntry("customers.imported", 488L);
    assertThat(page.dom()).contains("<svg class=\"chart lines\"").contains("<path d=\"M");
    // the pager ran: its controls are shown and the first page is labelled
    assertThat(page.dom()).contains("id=\"page-info\">page 1 of 1<");
    assertThat(shot).isRegularFile();
    assertThat(Files.size(shot)).isGreaterThan(20_000);
  }

  @Test
  void aSyncsReportShowsItsDeltaAndWhatItReadFromHubSpot() throws Exception {
    String csmToken = "csm-browser-sync-token-0123456789";
    String hubspotToken = "pat-na1-browser-sync-0123456789";
    try (CsmSandbox csm =
            CsmSandbox.builder().runsFor(Duration.ofMillis(2)).token(csmToken).start();
        HubSpotSandbox hubspot = HubSpotSandbox.builder().token(hubspotToken).start()) {
      HubSpotPortal portal = hubspot.portal();
      String company = portal.createMany(ObjectType.COMPANIES, 1, i -> Map.of("name", "Co")).get(0);
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        ids.add(portal.createContact(Map.of("email", "b" + i + "@example.com", "firstname", "B")));
        portal.associate(ids.get(i), company, true);
      }
      Path runs = work.resolve("sync-runs");
      String[] sync = {
        "sync",
        "--hubspot-token-env",
        "HUBSPOT_TOKEN",
        "--hubspot-base-url",
        hubspot.baseUri().toString(),
        "--base-url",
        csm.baseUri().toString(),
        "--state",
        work.resolve("sync-state.db").toString(),
        "--runs-dir",
        runs.toString(),
        "--quiet",
        "--json"
      };
      Map<String, String> env = Map.of("CSM_TOKEN", csmToken, "HUBSPOT_TOKEN", hubspotToken);
      assertThat(CliRunner.run(env, work, sync).code()).isZero();
      portal.update(ObjectType.CONTACTS, ids.get(0), Map.of("firstname", "Changed"));
      portal.archive(ObjectType.CONTACTS, ids.get(1));
      CliRunner.Result second = CliRunner.run(env, work, sync);
      assertThat(second.code()).as(second.all()).isZero();
      JsonNode doc = new ObjectMapper().readTree(second.out());

      Page page = load(Path.of(doc.at("/files/html").asText()), ARTEFACTS.resolve("sync.png"));

      assertShowsTheReport(page, doc, 40);
      assertThat(counts(page.dom()))
          .containsEntry("sync.customers.updated", 1L)
          .containsEntry("hubspotSync.contacts.archived", 1L);
      assertThat(page.dom())
          .contains("b1@example.com")
          .contains("data-read=\"contacts\">incremental<");
    }
  }

  @Test
  void aReportOf100000FailuresStaysUsable() throws Exception {
    Path contacts = work.resolve("many.csv");
    StringBuilder csv = new StringBuilder("\"Record ID\",\"First Name\",\"Email\"\n");
    for (int i = 0; i < 100_000; i++) {
      csv.append(i + 1).append(",Person,not-an-email-").append(i).append('\n');
    }
    for (int i = 0; i < 20; i++) {
      csv.append(200_000 + i).append(",Real,real").append(i).append("@example.com\n");
    }
    Files.writeString(contacts, csv);
    CliRunner.Result r =
        CliRunner.run(
            Map.of(),
            work,
            "migrate",
            "--contacts",
            contacts.toString(),
            "--dry-run",
            "--quiet",
            "--runs-dir",
            work.resolve("runs").toString());
    assertThat(r.code()).as(r.all()).isEqualTo(1);
    Path folder;
    try (Stream<Path> dirs = Files.list(work.resolve("runs"))) {
      folder = dirs.findFirst().orElseThrow();
    }
    JsonNode doc = new ObjectMapper().readTree(folder.resolve("report.json").toFile());
    assertThat(doc.at("/phases/customers/rejected").asLong()).isEqualTo(100_000);
    Path html = folder.resolve("report.html");
    assertThat(Files.size(html)).as("the page stays small").isLessThan(2_000_000);

    long started = System.nanoTime();
    Page page = load(html, ARTEFACTS.resolve("report-100000-failures.png"));
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertShowsTheReport(page, doc, 20);
    assertThat(counts(page.dom())).containsEntry("deadLetters.total", 100_000L);
    assertThat(page.dom()).contains("The first 1,000 of").contains("page 1 of 20<");
    assertThat(millis).as("two page loads, ms").isLessThan(60_000);
  }
}
