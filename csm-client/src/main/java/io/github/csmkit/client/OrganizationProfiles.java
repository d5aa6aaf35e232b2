package io.github.csmkit.client;

import io.github.csmkit.client.internal.WireFormat;
import io.github.csmkit.client.internal.WireWriter;
import io.github.csmkit.client.model.OrganizationProfileBatch;
import io.github.csmkit.client.model.OrganizationRecord;
import io.github.csmkit.client.model.OrganizationRef;
import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Organization profiles: bulk create, update and upsert ({@code POST
 * /api/v1/organization/profile/bulk}), and looking organizations up by name or id ({@code POST
 * /api/v1/organization/fetch}, 50 at a time; longer lists are split for you) — which is how names
 * become the ids that customer profiles associate with; and fetching organization profiles with
 * their details ({@code POST /api/v1/organization/profile/fetch}, 25 at a time, split likewise).
 */
public final class OrganizationProfiles extends BulkEndpoint<OrganizationProfileBatch> {
  /** The most organizations one fetch request may name. */
  public static final int FETCH_LIMIT = 50;

  /** The most organizations one profile fetch request may name. */
  public static final int PROFILE_FETCH_LIMIT = 25;

  OrganizationProfiles(Transport transport) {
    super(transport, "/api/v1/organization/profile/bulk", WireWriter::write);
  }

  /** The organizations with these names; unknown names are omitted. */
  public List<OrganizationRef> fetchByNames(Collection<String> names) {
    return Transport.join(fetchByNamesAsync(names));
  }

  /** The organizations with these ids; unknown ids are omitted. */
  public List<OrganizationRef> fetchByIds(Collection<String> ids) {
    return Transport.join(fetchByIdsAsync(ids));
  }

  /** Name → id of the organizations with these names; unknown names are absent from the map. */
  public Map<String, String> idsByName(Collection<String> names) {
    Map<String, String> ids = new LinkedHashMap<>();
    for (OrganizationRef o : fetchByNames(names)) {
      o.name().ifPresent(n -> ids.putIfAbsent(n, o.id()));
    }
    return ids;
  }

  /** {@link #fetchByNames(Collection)} without blocking. */
  public CompletableFuture<List<OrganizationRef>> fetchByNamesAsync(Collection<String> names) {
    return Chunks.sequential(List.copyOf(names), FETCH_LIMIT, chunk -> fetch(List.of(), chunk));
  }

  /** {@link #fetchByIds(Collection)} without blocking. */
  public CompletableFuture<List<OrganizationRef>> fetchByIdsAsync(Collection<String> ids) {
    return Chunks.sequential(List.copyOf(ids), FETCH_LIMIT, chunk -> fetch(chunk, List.of()));
  }

  /**
   * The profiles (name and details) of the organizations with these ids; unknown ids are omitted.
   *
   * @throws io.github.csmkit.client.error.CsmException when a request fails after its retries
   */
  public List<OrganizationRecord> fetchProfilesByIds(Collection<String> organizationIds) {
    return Transport.join(fetchProfilesByIdsAsync(organizationIds));
  }

  /**
   * The profiles of the organizations with these names; unknown names are omitted.
   *
   * @throws io.github.csmkit.client.error.CsmException when a request fails after its retries
   */
  public List<OrganizationRecord> fetchProfilesByNames(Collection<String> names) {
    return Transport.join(fetchProfilesByNamesAsync(names));
  }

  /** {@link #fetchProfilesByIds(Collection)} without blocking. */
  public CompletableFuture<List<OrganizationRecord>> fetchProfilesByIdsAsync(
      Collection<String> organizationIds) {
    return Chunks.sequential(
        List.copyOf(organizationIds), PROFILE_FETCH_LIMIT, chunk -> profiles(chunk, List.of()));
  }

  /** {@link #fetchProfilesByNames(Collection)} without blocking. */
  public CompletableFuture<List<OrganizationRecord>> fetchProfilesByNamesAsync(
      Collection<String> names) {
    return Chunks.sequential(
        List.copyOf(names), PROFILE_FETCH_LIMIT, chunk -> profiles(List.of(), chunk));
  }

  private CompletableFuture<List<OrganizationRecord>> profiles(
      List<String> ids, List<String> names) {
    URI uri = transport().uri("/api/v1/organization/profile/fetch");
    return transport()
        .post(uri, WireWriter.organizationProfileLookup(ids, names), null)
        .thenApply(transport().reader("POST", uri, WireFormat::readOrganizationProfiles));
  }

  private CompletableFuture<List<OrganizationRef>> fetch(List<String> ids, List<String> names) {
    URI uri = transport().uri("/api/v1/organization/fetch");
    return transport()
        .post(uri, WireWriter.organizationLookup(ids, names), null)
        .thenApply(transport().reader("POST", uri, WireFormat::readOrganizations));
  }
}
