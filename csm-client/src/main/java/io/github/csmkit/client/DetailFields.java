package io.github.csmkit.client;

import io.github.csmkit.client.internal.Transport;
import io.github.csmkit.client.internal.WireFormat;
import io.github.csmkit.client.internal.WireWriter;
import io.github.csmkit.client.model.DetailFieldBatch;
import io.github.csmkit.client.model.DetailFieldDefinition;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The detail-field definitions of customers or of organizations: create up to 50 in one task
 * ({@code POST /api/v1/{entity}/details/definitions/bulk}; the server refuses the whole request if
 * any name exists) and list the existing ones ({@code GET /api/v1/{entity}/details}).
 */
public final class DetailFields extends BulkEndpoint<DetailFieldBatch> {
  private final String listPath;

  DetailFields(Transport transport, String entity) {
    super(transport, "/api/v1/" + entity + "/details/definitions/bulk", WireWriter::write);
    this.listPath = "/api/v1/" + entity + "/details";
  }

  /** The existing definitions. */
  public List<DetailFieldDefinition> list() {
    return Transport.join(listAsync());
  }

  /** {@link #list()} without blocking. */
  public CompletableFuture<List<DetailFieldDefinition>> listAsync() {
    URI uri = transport().uri(listPath);
    return transport()
        .get(uri)
        .thenApply(transport().reader("GET", uri, WireFormat::readDefinitions));
  }
}
