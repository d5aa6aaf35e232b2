package io.github.csmkit.benchmarks;

import io.github.csmkit.client.CsmClient;
import io.github.csmkit.client.PollPolicy;
import io.github.csmkit.client.bulk.BulkImporter;
import io.github.csmkit.client.bulk.BulkTarget;
import io.github.csmkit.client.bulk.ImportReport;
import io.github.csmkit.client.model.CustomerProfileBatch;
import io.github.csmkit.client.model.CustomerProfileOperation;
import io.github.csmkit.client.model.SubmittedTask;
import io.github.csmkit.client.model.TaskStatus;
import io.github.csmkit.hubspot.mapping.HubSpotMapping;
import io.github.csmkit.hubspot.mapping.Mapper;
import io.github.csmkit.hubspot.source.HubSpotContact;
import io.github.csmkit.sandbox.CsmSandbox;
import io.github.csmkit.sandbox.Endpoint;
import io.github.csmkit.sandbox.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark 1: records per second of the engine against the tenant's ceiling ({@code taskLimit × 50
 * / D}) and against the guide's loop written plainly (submit one batch, wait for it, next), all
 * through a client with default settings, into a sandbox whose tasks take D.
 */
final class ThroughputBenchmark {
  static final int BATCH = 50;

  /**
   * @param records contacts the engine imports
   * @param loopRecords contacts each loop imports (a serial loop's rate does not depend on the
   *     count)
   * @param taskDuration D
   * @param taskLimit the tenant's unfinished-task limit
   * @param faultRate the share of profile submits answered 429 (no Retry-After) or 503
   */
  record Config(
      int records, int loopRecords, Duration taskDuration, int taskLimit, double faultRate) {
    static Config full() {
      return new Config(10_000, 500, Duration.ofMillis(200), 5, 0.05);
    }

    static Config smoke() {
      return new Config(500, 100, Duration.ofMillis(20), 5, 0.05);
    }
  }

  /** One timed import. */
  record Run(
      String name, long records, long succeeded, long batches, double seconds, long refused) {
    double perSecond() {
      return records / seconds;
    }
  }

  private final Config config;
  private final HubSpotMapping mapping = HubSpotMapping.defaults();
  private final Mapper mapper = Mapper.of(mapping);

  ThroughputBenchmark(Config config) {
    this.config = config;
  }

  double ceiling() {
    return config.taskLimit() * (double) BATCH / (config.taskDuration().toNanos() / 1e9);
  }

  List<Figure> run() {
    double ceiling = ceiling();
    warmUp();
    Run engine = engine(0);
    Run faults = engine(config.faultRate());
    Run loop = loop(PollPolicy.defaults(), "loop");
    Run tuned =
        loop(
            PollPolicy.builder()
                .initialDelay(config.taskDuration())
                .multiplier(1.0)
                .maxDelay(config.taskDuration())
                .jitter(0)
                .build(),
            "loop, polls at D");
    String b = "1 throughput";
    String d = config.taskDuration().toMillis() + " ms";
    List<Figure> out = new ArrayList<>();
    out.add(
        Figure.plain(
            b,
            String.format(Locale.ROOT, "ceiling %d x %d / %s", config.taskLimit(), BATCH, d),
            ceiling,
            "rec/s"));
    out.add(
        Figure.atLeast(
            b,
            "engine, "
                + engine.records()
                + " contacts ("
                + fmt(engine.seconds())
                + " s; "
                + engine.refused()
                + " of "
                + (engine.batches() + engine.refused())
                + " submits refused as early)",
            engine.perSecond(),
            "rec/s",
            engine.perSecond() / ceiling,
            "of ceiling",
            0.95));
    out.add(
        Figure.atLeast(
            b,
            "engine vs loop",
            engine.perSecond(),
            "rec/s",
            engine.perSecond() / loop.perSecond(),
            "x loop",
            4.0));
    out.add(
        Figure.atLeast(
            b,
            String.format(
                Locale.ROOT,
                "engine, %.0f%% 429/503 (%s s)",
                config.faultRate() * 100,
                fmt(faults.seconds())),
            faults.perSecond(),
            "rec/s",
            faults.perSecond() / ceiling,
            "of ceiling",
            0.80));
    out.add(
        new Figure(
            b,
            "loop, default client, " + loop.records() + " contacts",
            loop.perSecond(),
            "rec/s",
            loop.perSecond() / ceiling,
            "of ceiling",
            "",
            null));
    out.add(
        new Figure(
            b,
            "loop polling at D (for reference)",
            tuned.perSecond(),
            "rec/s",
            engine.perSecond() / tuned.perSecond(),
            "engine/this",
            "",
            null));
    return out;
  }

  /**
   * Two small untimed imports first, so that the timed runs measure the engine rather than class
   * loading and the JIT compiling the HTTP client and Jackson (a cold first run is about 4% slower;
   * after one 1,000-contact import the first timed run was still the slowest).
   */
  void warmUp() {
    ThroughputBenchmark small =
        new ThroughputBenchmark(
            new Config(
                Math.min(2_000, config.records()),
                BATCH,
                config.taskDuration(),
                config.taskLimit(),
                0));
    small.engine(0);
    small.engine(0);
  }

  private CsmSandbox sandbox() {
    return CsmSandbox.builder()
        .runsFor(config.taskDuration())
        .taskLimit(config.taskLimit())
        .requestLogLimit(100_000) // every submit's answer, to count the refused early ones
        .start();
  }

  private CustomerProfileOperation operation(HubSpotContact c) {
    return mapper.map(c).operation().orElseThrow(() -> new IllegalStateException("rejected: " + c));
  }

  /** The engine with default settings, as a migration uses it. */
  Run engine(double faultRate) {
    List<HubSpotContact> contacts = Contacts.list(config.records());
    try (CsmSandbox sandbox = sandbox();
        CsmClient csm = Sandboxes.client(sandbox.baseUri(), sandbox.token())) {
      Sandboxes.defineFields(csm, mapping);
      if (faultRate > 0) {
        sandbox
            .faults()
            .on(Endpoint.CUSTOMER_PROFILES)
            .random(
                42,
                faultRate,
                Fault.rateLimitedNoHeader(),
                Fault.serviceUnavailable(Duration.ofSeconds(1)));
      }
      long start = System.nanoTime();
      ImportReport<HubSpotContact> report =
          BulkImporter.builder(csm, BulkTarget.CUSTOMER_PROFILES)
              .jobId("bench-throughput")
              .build()
              .run(contacts, this::operation);
      double seconds = (System.nanoTime() - start) / 1e9;
      ImportReport.Counts c = report.counts();
      if (!c.balanced() || c.read() != contacts.size()) {
        throw new IllegalStateException("counts do not add up: " + c);
      }
      if (c.succeeded() != contacts.size()) {
        throw new IllegalStateException(
            "not every record succeeded: "
                + c
                + " "
                + report.failures().stream().limit(3).toList());
      }
      return new Run(
          faultRate > 0 ? "engine+faults" : "engine",
          c.read(),
          c.succeeded(),
          report.batches().size(),
          seconds,
          // a task-limit answer (400) to a submit: one sent on a lent slot before its lender ended
          sandbox.requestLog().to(Endpoint.CUSTOMER_PROFILES).stream()
              .filter(r -> r.status() == 400)
              .count());
    }
  }

  /** The guide's loop, plainly: map a batch, submit it, wait for its task, next. */
  Run loop(PollPolicy poll, String name) {
    List<HubSpotContact> contacts = Contacts.list(config.loopRecords());
    try (CsmSandbox sandbox = sandbox();
        CsmClient csm = Sandboxes.client(sandbox.baseUri(), sandbox.token())) {
      Sandboxes.defineFields(csm, mapping);
      long succeeded = 0;
      long batches = 0;
      long start = System.nanoTime();
      for (int from = 0; from < contacts.size(); from += BATCH) {
        List<CustomerProfileOperation> ops = new ArrayList<>(BATCH);
        for (HubSpotContact c : contacts.subList(from, Math.min(from + BATCH, contacts.size()))) {
          ops.add(operation(c));
        }
        SubmittedTask task = csm.customerProfiles().submit(CustomerProfileBatch.of(ops));
        TaskStatus status = csm.tasks().await(task, poll);
        succeeded += ops.size() - status.failures().size();
        batches++;
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      if (succeeded != contacts.size()) {
        throw new IllegalStateException(
            name + ": " + succeeded + " of " + contacts.size() + " succeeded");
      }
      return new Run(name, contacts.size(), succeeded, batches, seconds, 0);
    }
  }

  static String fmt(double seconds) {
    return String.format(Locale.ROOT, "%.1f", seconds);
  }
}
