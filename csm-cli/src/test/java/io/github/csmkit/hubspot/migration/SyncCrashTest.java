package io.github.csmkit.hubspot.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csmkit.hubspot.sandbox.HubSpotPortal;
import io.github.csmkit.hubspot.sandbox.HubSpotSandbox;
import io.github.csmkit.hubspot.sandbox.PortalRecord;
import io.github.csmkit.hubspot.state.ObjectType;
import io.github.csmkit.hubspot.state.Outcome;
import io.github.csmkit.hubspot.state.RunStatus;
import io.github.csmkit.hubspot.state.StateReader;
import io.github.csmkit.hubspot.state.StoredRecord;
import io.github.csmkit.hubspot.state.SyncState;
import io.github.csmkit.sandbox.CsmSandbox;
import io.github.csmkit.sandbox.CustomerSnapshot;
import io.github.csmkit.sandbox.OrganizationSnapshot;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills an incremental {@link HubSpotSync} run in a child JVM, forcibly, at five exact points — an
 * organization update submitted, a customer batch submitted but not settled, a customer batch
 * finished, a detail-value DELETE submitted, and right after the contacts' watermark was stored but
 * before the run ended — resuming each time. After every kill, no type's stored watermark is ahead
 * of what settled; at the end CSM holds exactly what the same two syncs make uninterrupted in a
 * second site, nothing was created twice, and the last run reports no failure.
 */
class SyncCrashTest {
  private static final String CSM_TOKEN = "sync-crash-csm-token-0123456789";
  private static final String HUBSPOT_TOKEN = "pat-na1-sync-crash-0123456789";
  private static final int CONTACTS = 2000;

  /** Where each incremental run is killed, in order; each resumes the run the one before killed. */
  private static final List<String> KILL_POINTS =
      List.of(
          "ORGANIZATIONS:submitted:1",
          "CUSTOMERS:submitted:2",
          "CUSTOMERS:finished:1",
          "CLEARS:submitted:1",
          "WATERMARK:CONTACT");

  @TempDir Path dir;
  private final HubSpotSandbox hubspot = HubSpotSandbox.builder().token(HUBSPOT_TOKEN).start();
  private final HubSpotPortal portal = hubspot.portal();

  @AfterEach
  void stop() {
    hubspot.close();
  }

  @Test
  void anIncrementalSyncKilledAtFivePointsAndResumedEndsAsAnUninterruptedOne() throws Exception {
    List<String> companies =
        portal.createMany(companiesType(), 5, i -> Map.of("name", "Co " + i, "industry", "Tech"));
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < CONTACTS; i++) {
      if (i == CONTACTS - 1) {
        // the watermark is the newest contact's time; the others, older than the child's 500 ms
        // overlap, are not read again by each incremental run
        Thread.sleep(700);
      }
      ids.add(portal.createContact(contact(i)));
      portal.associate(ids.get(i), companies.get(i % 5), true);
    }
    Path crashedState = dir.resolve("crashed.db");
    Path cleanState = dir.resolve("clean.db");
    try (CsmSandbox crashed =
            CsmSandbox.builder().token(CSM_TOKEN).runsFor(Duration.ofMillis(100)).start();
        CsmSandbox clean =
            CsmSandbox.builder().token(CSM_TOKEN).runsFor(Duration.ofMillis(5)).start()) {
      String full = "DONE true " + (CONTACTS + 5) + " 0 0 0 0 0";
      Process crashedFirst = sync(crashed, crashedState, "none");
      Process cleanFirst = sync(clean, cleanState, "none"); // independent: both at once
      assertThat(finish(crashedFirst)).isEqualTo(full);
      assertThat(finish(cleanFirst)).isEqualTo(full);
      Watermarks first = watermarks(crashedState, crashed);

      change(companies, ids);
      // the reference, uninterrupted, runs while the other site's runs are killed
      Process reference = sync(clean, cleanState, "none");

      List<String> killedAt = new ArrayList<>();
      for (String point : KILL_POINTS) {
        Process child = sync(crashed, crashedState, point);
        killedAt.add(untilKillPoint(child));
        child.destroyForcibly().waitFor();
        Watermarks now = watermarks(crashedState, crashed);
        // the contacts' watermark moves only at the last point, the companies' not before the end
        assertThat(now.contacts().isAfter(first.contacts()))
            .as(point)
            .isEqualTo(point.startsWith("WATERMARK"));
        assertThat(now.companies()).as(point).isEqualTo(first.companies());
      }
      assertThat(killedAt).containsExactlyElementsOf(KILL_POINTS);
      // created: 20 contacts, 1 company; updated: 300 + 2 cleared + 1 merge survivor, 2 companies;
      // and no warning about companies the state knows from the first sync
      assertThat(finish(reference)).isEqualTo("DONE true 21 305 0 0 0 0");
      // no false failure
      assertThat(finish(sync(crashed, crashedState, "none")))
          .matches("DONE true \\d+ \\d+ 0 0 0 0");
      Watermarks last = watermarks(crashedState, crashed);
      assertThat(last.contacts()).isAfter(first.contacts());
      assertThat(last.companies()).isAfter(first.companies());

      assertThat(csm(crashed)).isEqualTo(csm(clean));
      assertThat(crashed.customers())
          .hasSize(CONTACTS + 20)
          .allSatisfy(c -> assertThat(crashed.creationCount(c.email())).as(c.email()).isOne());
      assertThat(crashed.organizations())
          .hasSize(6)
          .allSatisfy(
              o ->
                  assertThat(crashed.organizationCreationCount(o.name()))
                      .as(o.name())
                      .isEqualTo(o.name().endsWith("Renamed") ? 0 : 1));
      assertThat(crashed.organizationCreationCount("Co 2")).isOne(); // then renamed in place
      try (SyncState state = SyncState.open(crashedState.toString())) {
        assertThat(state.runs("crash", crashed.baseUri().toString()))
            .extracting(r -> r.status())
            .containsExactly(RunStatus.COMPLETED, RunStatus.COMPLETED);
      }
    }
  }

  /**
   * Between the syncs: 300 contacts updated, 20 new (5 in a new company), 5 archived, a merge, a
   * company renamed, a phone cleared on two contacts and an industry on a company.
   */
  private void change(List<String> companies, List<String> ids) throws InterruptedException {
    Thread.sleep(50); // every change after the first sync's watermark
    for (int i = 0; i < 300; i++) {
      portal.update(contactsType(), ids.get(i * 6), Map.of("firstname", "Changed " + i));
    }
    String fresh = portal.createCompany(Map.of("name", "Co New", "industry", "Retail"));
    for (int i = 0; i < 20; i++) {
      String id = portal.createContact(contact(CONTACTS + i));
      portal.associate(id, i < 5 ? fresh : companies.get(1), true);
    }
    for (int i = 1001; i <= 1009; i += 2) {
      portal.archive(contactsType(), ids.get(i));
    }
    portal.merge(contactsType(), ids.get(1100), ids.get(1101));
    portal.renameCompany(companies.get(2), "Co 2 Renamed");
    portal.clear(contactsType(), ids.get(1201), "phone");
    portal.clear(contactsType(), ids.get(1203), "phone");
    portal.clear(companiesType(), companies.get(3), "industry");
  }

  private record Watermarks(Instant contacts, Instant companies) {}

  /** The stored watermarks, each checked against the portal by {@link #settledUpTo}. */
  private Watermarks watermarks(Path stateFile, CsmSandbox site) {
    try (SyncState state = SyncState.open(stateFile.toString())) {
      StateReader reader = state.reader("crash", site.baseUri().toString());
      return new Watermarks(
          settledUpTo(reader, ObjectType.CONTACT, contactsType()),
          settledUpTo(reader, ObjectType.COMPANY, companiesType()));
    }
  }

  /**
   * The type's watermark, after checking that it is not ahead of what settled: every live record
   * HubSpot last modified at or before it is imported in the state at that very modification time,
   * with no cleared value still to delete (what {@link SyncPass#settled} calls settled).
   */
  private Instant settledUpTo(
      StateReader reader, ObjectType type, io.github.csmkit.hubspot.sandbox.ObjectType in) {
    Instant mark = reader.watermark(type).orElseThrow();
    List<PortalRecord> upTo =
        portal.records(in).stream()
            .filter(r -> !r.archived() && !r.updatedAt().isAfter(mark))
            .toList();
    Map<String, StoredRecord> stored =
        reader.records(type, upTo.stream().map(PortalRecord::id).toList());
    List<String> unsettled = new ArrayList<>();
    for (PortalRecord r : upTo) {
      StoredRecord s = stored.get(r.id());
      if (s == null
          || s.outcome() != Outcome.IMPORTED
          || !s.sourceModifiedAt().equals(Optional.of(r.updatedAt()))
          || s.fieldHashes().containsValue(Settler.NOT_CLEARED)) {
        unsettled.add(r.id() + " modified " + r.updatedAt() + ", state " + s);
      }
    }
    assertThat(upTo).isNotEmpty();
    assertThat(unsettled).as(type + " watermark " + mark + " ahead of").isEmpty();
    return mark;
  }

  private static Map<String, String> contact(int i) {
    return Map.of(
        "email", "p" + i + "@example.com",
        "firstname", "First" + i,
        "lastname", "Doe",
        "phone", "+1-555-" + i,
        "lifecyclestage", "lead");
  }

  private static io.github.csmkit.hubspot.sandbox.ObjectType contactsType() {
    return io.github.csmkit.hubspot.sandbox.ObjectType.CONTACTS;
  }

  private static io.github.csmkit.hubspot.sandbox.ObjectType companiesType() {
    return io.github.csmkit.hubspot.sandbox.ObjectType.COMPANIES;
  }

  /** Customers by email and organizations by name, with what they hold (ids differ by site). */
  private static Map<String, String> csm(CsmSandbox site) {
    Map<String, String> names =
        site.organizations().stream()
            .collect(Collectors.toMap(OrganizationSnapshot::id, OrganizationSnapshot::name));
    Map<String, String> out = new TreeMap<>();
    site.organizations()
        .forEach(o -> out.put("org " + o.name(), new TreeMap<>(o.details()).toString()));
    for (CustomerSnapshot c : site.customers()) {
      out.put(
          "customer " + c.email(),
          c.displayName()
              + " "
              + new TreeMap<>(c.details())
              + " "
              + c.organizationIds().stream()
                  .map(names::get)
                  .collect(Collectors.toCollection(TreeSet::new)));
    }
    return out;
  }

  private Process sync(CsmSandbox site, Path state, String killPoint) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                SyncRunChild.class.getName(),
                site.baseUri().toString(),
                hubspot.baseUri().toString(),
                state.toString(),
                killPoint)
            .directory(dir.toFile())
            .redirectErrorStream(true);
    pb.environment().put("CSM_TOKEN", CSM_TOKEN);
    pb.environment().put("HUBSPOT_TOKEN", HUBSPOT_TOKEN);
    return pb.start();
  }

  /** Reads the child's output until it reports its kill point reached (it then blocks). */
  private static String untilKillPoint(Process child) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    for (String line; (line = out.readLine()) != null; ) {
      if (line.startsWith("KILLPOINT ")) {
        return line.substring("KILLPOINT ".length());
      }
    }
    return "ended without reaching its kill point";
  }

  /** Waits for a child that runs to its end and returns its DONE line. */
  private static String finish(Process child) throws Exception {
    String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).as(out).isZero();
    return out.lines().filter(l -> l.startsWith("DONE ")).findFirst().orElse(out);
  }
}
