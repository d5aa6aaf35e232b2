package io.github.csmkit.hubspot.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csmkit.client.Credentials;
import io.github.csmkit.client.CsmClient;
import io.github.csmkit.hubspot.state.ObjectType;
import io.github.csmkit.hubspot.state.Outcome;
import io.github.csmkit.hubspot.state.StateReader;
import io.github.csmkit.hubspot.state.StoredRecord;
import io.github.csmkit.hubspot.state.SyncState;
import io.github.csmkit.hubspot.verify.Difference;
import io.github.csmkit.hubspot.verify.StateVerification;
import io.github.csmkit.hubspot.verify.VerificationReport;
import io.github.csmkit.sandbox.CsmSandbox;
import io.github.csmkit.sandbox.CustomerSnapshot;
import io.github.csmkit.sandbox.OrganizationSnapshot;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a state-backed migration's second run (a delta: changed, new, renamed, cleared,
 * email-changed and removed records) in a child JVM, forcibly, at four exact points — an
 * organization update submitted, a customer batch finished, a customer batch submitted but not
 * settled, a detail-value DELETE submitted — resuming each time. CSM then holds exactly what the
 * same two runs make uninterrupted, nothing was created twice, the last run reports no failure, and
 * the state agrees with CSM record by record.
 */
class DeltaCrashTest {
  private static final String TOKEN = "delta-crash-token-0123456789";
  private static final String HEADER =
      "\"Record ID\",\"First Name\",\"Last Name\",\"Email\",\"Phone Number\",\"Company Name\","
          + "\"Lifecycle Stage\",\"Lead Status\",\"Associated Company IDs\"\n";

  /** Where each delta run is killed, in order; each resumes the run the one before it killed. */
  private static final List<String> KILL_POINTS =
      List.of(
          "ORGANIZATIONS:submitted:1",
          "CUSTOMERS:finished:1",
          "CUSTOMERS:submitted:2",
          "CLEARS:submitted:1");

  @TempDir Path dir;

  @Test
  void aDeltaRunKilledAtFourPointsAndResumedEndsAsAnUninterruptedOne() throws Exception {
    Path companies1 = companies("companies-1.csv", Map.of(101, "Acme", 102, "Beta", 103, "Gamma"));
    Path contacts1 = contacts("contacts-1.csv", first());
    Path companies2 =
        companies(
            "companies-2.csv",
            Map.of(101, "Acme", 102, "Beta Renamed", 103, "Gamma", 104, "Delta"));
    Path contacts2 = contacts("contacts-2.csv", edited());
    Path crashedState = dir.resolve("crashed.db");
    Path cleanState = dir.resolve("clean.db");

    try (CsmSandbox crashed =
            CsmSandbox.builder().token(TOKEN).runsFor(Duration.ofMillis(100)).start();
        CsmSandbox clean =
            CsmSandbox.builder().token(TOKEN).runsFor(Duration.ofMillis(5)).start()) {
      assertThat(finish(migrate(crashed, crashedState, companies1, contacts1, "none")))
          .startsWith("DONE 303 0 0 0 0 0 0");
      assertThat(finish(migrate(clean, cleanState, companies1, contacts1, "none")))
          .startsWith("DONE 303 0 0 0 0 0 0");
      String reference = finish(migrate(clean, cleanState, companies2, contacts2, "none"));
      // created: 5 contacts and 1 company; updated: 200 + 3 + 7 contacts and 1 renamed company;
      // unchanged: 89 contacts and 2 companies (the gone contact is counted apart)
      assertThat(reference).isEqualTo("DONE 6 211 91 0 0 0 0");

      List<String> killedAt = new ArrayList<>();
      for (String point : KILL_POINTS) {
        Process child = migrate(crashed, crashedState, companies2, contacts2, point);
        killedAt.add(untilKillPoint(child));
        child.destroyForcibly().waitFor();
      }
      assertThat(killedAt).containsExactlyElementsOf(KILL_POINTS);
      String last = finish(migrate(crashed, crashedState, companies2, contacts2, "none"));
      // no false failure: nothing failed, rejected or left unimported when the run completed
      assertThat(last).matches("DONE \\d+ \\d+ \\d+ 0 0 0 0");

      assertThat(csm(crashed)).isEqualTo(csm(clean));
      assertThat(crashed.customers())
          .hasSize(305)
          .allSatisfy(
              c ->
                  assertThat(crashed.creationCount(c.email()))
                      .as(c.email())
                      // the customer whose email changed was created under its old one
                      .isEqualTo(c.email().equals("new203@example.com") ? 0 : 1));
      assertThat(crashed.organizations())
          .hasSize(4)
          .allSatisfy(
              o ->
                  assertThat(crashed.organizationCreationCount(o.name()))
                      .as(o.name())
                      // the renamed company was created under its old name
                      .isEqualTo(o.name().equals("Beta Renamed") ? 0 : 1));
      assertThat(crashed.organizationCreationCount("Beta")).isEqualTo(1);
      assertThat(crashed.creationCount("c203@example.com")).isEqualTo(1);
      assertThat(crashed.creationCount("new203@example.com")).isZero(); // updated by id
      stateMatches(crashed, crashedState);
    }
  }

  /** Every record of the state imported, with the CSM id CSM has, and verification passes. */
  private static void stateMatches(CsmSandbox sandbox, Path stateFile) {
    Map<String, String> customerIds = new TreeMap<>();
    sandbox.customers().forEach(c -> customerIds.put(c.email().toLowerCase(), c.id()));
    Map<String, String> organizationIds = new TreeMap<>();
    sandbox.organizations().forEach(o -> organizationIds.put(o.name(), o.id()));
    try (SyncState state = SyncState.open(stateFile.toString());
        CsmClient client = client(sandbox)) {
      StateReader reader = state.reader("crash", sandbox.baseUri().toString());
      List<StoredRecord> contacts = new ArrayList<>();
      reader.forEachRecord(ObjectType.CONTACT, contacts::add);
      assertThat(contacts)
          .hasSize(305) // the first 300 (300 is gone from the export, but kept), 5 new
          .allSatisfy(
              r -> {
                assertThat(r.outcome()).as(r.hubSpotId()).isEqualTo(Outcome.IMPORTED);
                assertThat(r.csmId())
                    .as(r.hubSpotId())
                    .contains(customerIds.get(r.identity().orElseThrow().toLowerCase()));
              });
      List<StoredRecord> companies = new ArrayList<>();
      reader.forEachRecord(ObjectType.COMPANY, companies::add);
      assertThat(companies)
          .hasSize(4)
          .allSatisfy(
              r -> {
                assertThat(r.outcome()).isEqualTo(Outcome.IMPORTED);
                assertThat(r.csmId()).contains(organizationIds.get(r.identity().orElseThrow()));
              });
      List<Difference> differences = new ArrayList<>();
      VerificationReport report =
          StateVerification.builder()
              .client(client)
              .state(reader)
              .sink(differences::add)
              .build()
              .run();
      assertThat(differences).isEmpty();
      assertThat(report.passed()).isTrue();
    }
  }

  private static List<String> first() {
    List<String> rows = new ArrayList<>();
    for (int i = 1; i <= 300; i++) {
      rows.add(row(i, "First" + i, "c" + i + "@example.com", "+1-555-" + i, "Lead", 101 + i % 3));
    }
    return rows;
  }

  /**
   * The second export: 1 to 200 change lifecycle stage, 201 its name, 202 loses its phone, 203 its
   * email, 204 to 210 join the new company 104; 300 is gone; 301 to 305 are new.
   */
  private static List<String> edited() {
    List<String> rows = new ArrayList<>();
    for (int i = 1; i <= 299; i++) {
      String stage = i <= 200 ? "Customer" : "Lead";
      String name = i == 201 ? "Renamed" : "First" + i;
      String phone = i == 202 ? "" : "+1-555-" + i;
      String email = i == 203 ? "new203@example.com" : "c" + i + "@example.com";
      String company = i >= 204 && i <= 210 ? (101 + i % 3) + ";104" : "" + (101 + i % 3);
      rows.add(row(i, name, email, phone, stage, company));
    }
    for (int i = 301; i <= 305; i++) {
      rows.add(row(i, "New" + i, "c" + i + "@example.com", "+1-555-" + i, "Lead", 104));
    }
    return rows;
  }

  private static String row(
      int id, String first, String email, String phone, String stage, Object co) {
    return String.format(
        "\"%d\",\"%s\",\"Doe\",\"%s\",\"%s\",\"\",\"%s\",\"\",\"%s\"%n",
        id, first, email, phone, stage, co);
  }

  private Path companies(String name, Map<Integer, String> companies) throws IOException {
    StringBuilder c = new StringBuilder("\"Record ID\",\"Company name\",\"Industry\"\n");
    new TreeMap<>(companies)
        .forEach(
            (id, n) ->
                c.append('"').append(id).append("\",\"").append(n).append("\",\"Software\"\n"));
    return Files.writeString(dir.resolve(name), c);
  }

  private Path contacts(String name, List<String> rows) throws IOException {
    return Files.writeString(dir.resolve(name), HEADER + String.join("", rows));
  }

  /** Customers and organizations by email and name, with what they hold (ids differ). */
  private static Map<String, String> csm(CsmSandbox sandbox) {
    Map<String, String> orgNames = new TreeMap<>();
    sandbox.organizations().forEach(o -> orgNames.put(o.id(), o.name()));
    Map<String, String> out = new TreeMap<>();
    for (OrganizationSnapshot o : sandbox.organizations()) {
      out.put("org " + o.name(), new TreeMap<>(o.details()).toString());
    }
    for (CustomerSnapshot c : sandbox.customers()) {
      TreeSet<String> orgs = new TreeSet<>();
      c.organizationIds().forEach(id -> orgs.add(orgNames.get(id)));
      out.put(
          "customer " + c.email().toLowerCase(),
          c.displayName() + " " + new TreeMap<>(c.details()) + " " + orgs);
    }
    return out;
  }

  private static CsmClient client(CsmSandbox sandbox) {
    return CsmClient.builder()
        .baseUri(sandbox.baseUri())
        .credentials(Credentials.bearer(TOKEN))
        .build();
  }

  private static Process migrate(
      CsmSandbox sandbox, Path state, Path companies, Path contacts, String killPoint)
      throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                DeltaRunChild.class.getName(),
                sandbox.baseUri().toString(),
                state.toString(),
                companies.toString(),
                contacts.toString(),
                killPoint)
            .redirectError(ProcessBuilder.Redirect.INHERIT);
    pb.environment().put("CSM_TOKEN", TOKEN);
    return pb.start();
  }

  /** Reads the child's output until it reports the kill point reached (it then blocks). */
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
