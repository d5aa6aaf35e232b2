package io.github.csmkit.examples;

import io.github.csmkit.hubspot.migration.HubSpotSync;
import io.github.csmkit.hubspot.migration.HubSpotSyncReport;
import io.github.csmkit.hubspot.migration.SyncCounts;
import io.github.csmkit.hubspot.sandbox.HubSpotPortal;
import io.github.csmkit.hubspot.sandbox.HubSpotSandbox;
import io.github.csmkit.hubspot.sandbox.ObjectType;
import io.github.csmkit.hubspot.source.HubSpotApiClient;
import io.github.csmkit.hubspot.state.SyncState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Keep CSM in sync with a live HubSpot portal: the first sync imports everything, the next reads
 * only what changed since (HubSpot's search API) and sends only that. Here the portal is an
 * embedded HubSpot; for a real one, build the client with {@code .token(System.getenv(...))} and
 * HubSpot's default base URL.
 */
public final class HubSpotSyncExample {
  public static void main(String[] args) throws Exception {
    Path state = Files.createTempDirectory("csmkit-sync").resolve("state.db");
    try (HubSpotSandbox hubspot = HubSpotSandbox.builder().start();
        ExampleCsm target = ExampleCsm.connect();
        SyncState syncState = SyncState.open(state.toString())) {
      HubSpotPortal portal = hubspot.portal();
      String acme = portal.createCompany(Map.of("name", "Acme Ltd", "domain", "acme.example"));
      String ana =
          portal.createContact(
              Map.of("email", "ana.lima@example.com", "firstname", "Ana", "lastname", "Lima"));
      portal.createContact(
          Map.of("email", "ben.ode@example.com", "firstname", "Ben", "lastname", "Ode"));
      portal.associate(ana, acme, true);

      HubSpotApiClient client =
          HubSpotApiClient.builder().baseUri(hubspot.baseUri()).token(hubspot.token()).build();
      HubSpotSync sync =
          HubSpotSync.builder(target.csm, client, syncState).jobId("portal-1").build();

      HubSpotSyncReport first = sync.run();
      System.out.println("First sync: " + describe(first));

      portal.update(ObjectType.CONTACTS, ana, Map.of("lastname", "Lima-Ode"));
      HubSpotSyncReport second = sync.run();
      System.out.println("Second sync: " + describe(second));
    }
  }

  private static String describe(HubSpotSyncReport r) {
    SyncCounts c =
        r.migration().orElseThrow().sync().orElseThrow().customers().orElseThrow().counts();
    return (r.contacts().full() ? "full read, " : "incremental read, ")
        + c.created()
        + " created, "
        + c.updated()
        + " updated, "
        + c.unchanged()
        + " unchanged, "
        + r.totalRequests()
        + " HubSpot requests";
  }
}
