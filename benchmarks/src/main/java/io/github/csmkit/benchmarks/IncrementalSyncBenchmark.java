package io.github.csmkit.benchmarks;

import io.github.csmkit.hubspot.sandbox.HubSpotPortal;
import io.github.csmkit.hubspot.sandbox.HubSpotSandbox;
import io.github.csmkit.hubspot.sandbox.ObjectType;
import io.github.csmkit.hubspot.source.HubSpotApiClient;
import io.github.csmkit.hubspot.source.HubSpotApiEndpoint;
import io.github.csmkit.hubspot.source.HubSpotChangeSet;
import io.github.csmkit.hubspot.source.HubSpotChanges;
import io.github.csmkit.hubspot.source.HubSpotRecord;
import io.github.csmkit.hubspot.source.HubSpotWatermark;
import io.github.csmkit.hubspot.source.RecordSource;
import io.github.csmkit.hubspot.source.SourceRecord;
import io.github.csmkit.hubspot.sync.HubSpotRateLimiter;
import io.github.csmkit.hubspot.sync.PullResult;
import io.github.csmkit.hubspot.sync.SearchPage;
import io.github.csmkit.sandbox.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Benchmark 5: an incremental read ({@link HubSpotChanges}) of a portal in which a few contacts
 * changed, against a full pass of the same portal, both over HTTP from {@code hubspot-sandbox}:
 * HubSpot requests, records read and wall time per run, as ratios to the full pass. The sandbox's
 * rate limits are off (the wall time is the reader's and the transport's own); the time HubSpot's
 * limits would impose is derived from the request counts (100 per 10 s for the ordinary endpoints,
 * 5 searches per second).
 */
final class IncrementalSyncBenchmark {
  /**
   * Sizes.
   *
   * @param contacts contacts in the portal
   * @param companies companies (each contact has one, as its primary)
   * @param changed contacts changed before each incremental run
   * @param runs incremental runs (the median is reported)
   */
  record Config(int contacts, int companies, int changed, int runs) {
    static Config full() {
      return new Config(1_000_000, 1_000, 1_000, 3);
    }

    static Config smoke() {
      return new Config(3_000, 30, 30, 1);
    }
  }

  private static final Duration LAG = Duration.ofSeconds(20);
  // the contacts were modified over 30 days: the 10-minute overlap re-reads the share of them
  private static final Duration HISTORY = Duration.ofDays(30);

  private final Config config;

  IncrementalSyncBenchmark(Config config) {
    this.config = config;
  }

  List<Figure> run() {
    String n = "5 incremental sync";
    ManualClock clock = new ManualClock();
    try (HubSpotSandbox hubspot =
        HubSpotSandbox.builder()
            .clock(clock)
            .indexLag(LAG)
            .searchRateLimit(0)
            .rateLimit(0)
            .dailyLimit(0)
            .threads(2)
            .start()) {
      HubSpotPortal portal = hubspot.portal();
      long seedStart = System.nanoTime();
      // companies created a minute apart, so an overlap re-reads ten of them, not all
      List<String> companies = new ArrayList<>();
      for (int i = 0; i < config.companies(); i++) {
        companies.add(portal.createCompany(Map.of("name", "Co " + i)));
        clock.advance(Duration.ofMinutes(1));
      }
      String[] ids = new String[config.contacts()];
      Duration step = HISTORY.dividedBy(config.contacts());
      for (int i = 0; i < ids.length; i++) {
        ids[i] =
            portal.createContact(
                Map.of(
                    "email", "p" + i + "@example.com", "firstname", "P" + i, "city", "C" + i % 97));
        portal.associate(ids[i], companies.get(i % companies.size()), true);
        clock.advance(step);
      }
      clock.advance(LAG);
      System.err.printf(
          Locale.ROOT,
          "  seeded %,d contacts in %.1f s%n",
          ids.length,
          (System.nanoTime() - seedStart) / 1e9);

      HubSpotRateLimiter unlimited =
          HubSpotRateLimiter.builder()
              .searchLimit(1_000_000)
              .standardLimit(1_000_000)
              .clock(clock)
              .sleeper(clock::advance)
              .build();
      HubSpotApiClient client =
          HubSpotApiClient.builder()
              .baseUri(hubspot.baseUri())
              .token(hubspot.token())
              .rateLimiter(unlimited)
              .clock(clock)
              .sleeper(clock::advance)
              .build();
      Map<String, Instant> settled = new HashMap<>();
      Map<String, Instant> settledCompanies = new HashMap<>();
      HubSpotChanges changes =
          HubSpotChanges.builder(client)
              .contactProperties(List.of("email", "firstname", "city"))
              .companyProperties(List.of("name"))
              .contactsSettled((id, t) -> t.equals(settled.get(id)))
              .companiesSettled((id, t) -> t.equals(settledCompanies.get(id)))
              .build();

      long t0 = System.nanoTime();
      HubSpotChangeSet full = changes.read(HubSpotWatermark.NONE, clock.instant());
      long fullRecords =
          drain(full.contacts(), settled, "lastmodifieddate")
              + drain(full.companies(), settledCompanies, "hs_lastmodifieddate");
      double fullSeconds = (System.nanoTime() - t0) / 1e9;
      Map<HubSpotApiEndpoint, Long> fullRequests = full.requests();
      long fullTotal = full.totalRequests();
      if (fullRecords != config.contacts() + config.companies()) {
        throw new IllegalStateException("the full pass read " + fullRecords + " records");
      }
      System.err.printf(
          Locale.ROOT,
          "  full pass: %,d requests, %.1f s %s%n",
          fullTotal,
          fullSeconds,
          fullRequests);

      HubSpotWatermark mark = full.candidateWatermark();
      double[] seconds = new double[config.runs()];
      long requests = 0;
      long returned = 0;
      long read = 0;
      Map<HubSpotApiEndpoint, Long> incRequests = Map.of();
      for (int run = 0; run < config.runs(); run++) {
        clock.advance(Duration.ofHours(1));
        int stride = ids.length / config.changed();
        for (int i = 0; i < config.changed(); i++) {
          portal.update(
              ObjectType.CONTACTS, ids[i * stride + run], Map.of("firstname", "Run " + run));
        }
        clock.advance(LAG);
        long t1 = System.nanoTime();
        HubSpotChangeSet inc = changes.read(mark, clock.instant());
        read =
            drain(inc.contacts(), settled, "lastmodifieddate")
                + drain(inc.companies(), settledCompanies, "hs_lastmodifieddate");
        seconds[run] = (System.nanoTime() - t1) / 1e9;
        if (read != config.changed()) {
          throw new IllegalStateException(
              "the incremental read returned " + read + " records, not " + config.changed());
        }
        PullResult pull = inc.contactPull().orElseThrow();
        returned = pull.returned() + inc.companyPull().orElseThrow().returned();
        requests = inc.totalRequests();
        incRequests = inc.requests();
        mark = inc.candidateWatermark();
        System.err.printf(
            Locale.ROOT,
            "  incremental run %d: %d records (%d returned by search), %d requests, %.3f s %s%n",
            run + 1,
            read,
            returned,
            requests,
            seconds[run],
            incRequests);
      }
      double incSeconds = median(seconds);
      List<Figure> out = new ArrayList<>();
      String size = String.format(Locale.ROOT, "%,d contacts", config.contacts());
      out.add(Figure.plain(n, "full pass, " + size + ": HubSpot requests", fullTotal, "requests"));
      out.add(Figure.plain(n, "full pass: wall time (sandbox, no rate limit)", fullSeconds, "s"));
      out.add(
          Figure.plain(
              n, "full pass: time at HubSpot's limits", atHubSpotLimits(fullRequests), "s"));
      String label = "x full pass";
      out.add(
          new Figure(
              n,
              String.format(
                  Locale.ROOT, "incremental, %,d changed: records returned", config.changed()),
              returned,
              "records",
              returned / (double) fullRecords,
              label,
              "",
              null));
      out.add(
          Figure.atMost(
              n,
              "incremental: HubSpot requests " + incRequests,
              requests,
              "requests",
              requests / (double) fullTotal,
              label,
              0.01));
      out.add(
          new Figure(
              n,
              "incremental: wall time (median of " + config.runs() + ")",
              incSeconds,
              "s",
              incSeconds / fullSeconds,
              label,
              "",
              null));
      double incLimited = atHubSpotLimits(incRequests);
      out.add(
          new Figure(
              n,
              "incremental: time at HubSpot's limits",
              incLimited,
              "s",
              incLimited / atHubSpotLimits(fullRequests),
              label,
              "",
              null));
      return out;
    }
  }

  /** Reads a source to its end and records each version read as settled, as a sync would. */
  private static <T extends HubSpotRecord> long drain(
      RecordSource<T> source, Map<String, Instant> settled, String modified) {
    long n = 0;
    try (source) {
      for (SourceRecord<T> r : source) {
        if (!(r instanceof SourceRecord.Parsed<T> p)) {
          throw new IllegalStateException("unreadable: " + r);
        }
        settled.put(p.value().id(), SearchPage.time(p.value().properties().get(modified)));
        n++;
      }
    }
    return n;
  }

  /**
   * The least time HubSpot's default limits allow: 100 ordinary requests per 10 s, 5 searches/s.
   */
  static double atHubSpotLimits(Map<HubSpotApiEndpoint, Long> requests) {
    long searches = requests.getOrDefault(HubSpotApiEndpoint.SEARCH, 0L);
    long others = requests.values().stream().mapToLong(Long::longValue).sum() - searches;
    return Math.max(others / 10.0, searches / 5.0);
  }

  private static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}
