package io.github.csmkit.client;

import io.github.csmkit.client.internal.WireFormat;
import io.github.csmkit.client.internal.WireWriter;
import io.github.csmkit.client.model.CustomerProfileBatch;
import io.github.csmkit.client.model.CustomerRecord;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Customer profiles: bulk create, update and upsert ({@code POST /api/v1/customer/profile/bulk}),
 * and fetching profiles back ({@code POST /api/v1/customer/profile/fetch}, 25 at a time; longer
 * lists are split for you).
 */
public final class CustomerProfiles extends BulkEndpoint<CustomerProfileBatch> {
  /** The most profiles one fetch request may name. */
  public static final int FETCH_LIMIT = 25;

  CustomerProfiles(Transport transport) {
    super(transport, "/api/v1/customer/profile/bulk", WireWriter::write);
  }

  /** The profiles of the customers with these emails; unknown ones are omitted. */
  public List<CustomerRecord> fetchByEmails(Collection<String> emails) {
    return Transport.join(fetchByEmailsAsync(emails));
  }

  /** The profiles of the customers with these ids; unknown or ineligible ones are omitted. */
  public List<CustomerRecord> fetchByIds(Collection<String> customerIds) {
    return Transport.join(fetchByIdsAsync(customerIds));
  }

  /** {@link #fetchByEmails(Collection)} without blocking. */
  public CompletableFuture<List<CustomerRecord>> fetchByEmailsAsync(Collection<String> emails) {
    return Chunks.sequential(List.copyOf(emails), FETCH_LIMIT, chunk -> fetch(List.of(), chunk));
  }

  /** {@link #fetchByIds(Collection)} without blocking. */
  public CompletableFuture<List<CustomerRecord>> fetchByIdsAsync(Collection<String> customerIds) {
    return Chunks.sequential(
        List.copyOf(customerIds), FETCH_LIMIT, chunk -> fetch(chunk, List.of()));
  }

  private CompletableFuture<List<CustomerRecord>> fetch(List<String> ids, List<String> emails) {
    URI uri = transport().uri("/api/v1/customer/profile/fetch");
    return transport()
        .post(uri, WireWriter.customerLookup(ids, emails), null)
        .thenApply(transport().reader("POST", uri, WireFormat::readCustomers));
  }
}
