package io.github.csmkit.client;

import io.github.csmkit.client.internal.WireFormat;
import io.github.csmkit.client.internal.WireWriter;
import io.github.csmkit.client.model.DetailFieldBatch;
import io.github.csmkit.client.model.DetailFieldDefinition;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The detail-field definitions of customers or of organizations: create up to 50 in one task
 * ({@code POST /api/v1/{entity}/details/definitions/bulk}; the server refuses the whole request if
 * any name exists), create one at once ({@code POST /api/v1/{entity}/details}, the older API
 * version's only way) and list the existing ones ({@code GET /api/v1/{entity}/details}).
 */
public final class DetailFields extends BulkEndpoint<DetailFieldBatch> {
  private final String listPath;

  DetailFields(Transport transport, String entity) {
    super(transport, "/api/v1/" + entity + "/details/definitions/bulk", WireWriter::write);
    this.listPath = "/api/v1/" + entity + "/details";
  }

  /** The path of the single-field create and of the list: {@code /api/v1/{entity}/details}. */
  public String singlePath() {
    return listPath;
  }

  /**
   * Creates one field at once ({@code POST /api/v1/{entity}/details}, body {@code
   * {"name","type":{"name","options"}}}, no task): for a site without the bulk definitions
   * endpoint, which answers that with 404.
   *
   * @return the field as the server created it (the one sent, when the answer does not say)
   * @throws io.github.csmkit.client.error.BadRequestException if the name is in use or the field is
   *     invalid
   * @throws io.github.csmkit.client.error.NotFoundException if the site lacks this endpoint too
   * @throws io.github.csmkit.client.error.CsmException the subtype for anything else, after retries
   */
  public DetailFieldDefinition create(DetailFieldDefinition definition) {
    return Transport.join(createAsync(definition));
  }

  /** {@link #create(DetailFieldDefinition)} without blocking. */
  public CompletableFuture<DetailFieldDefinition> createAsync(DetailFieldDefinition definition) {
    Objects.requireNonNull(definition, "definition");
    URI uri = transport().uri(listPath);
    return transport()
        .post(uri, WireWriter.write(definition), null)
        .thenApply(
            transport()
                .reader("POST", uri, body -> WireFormat.readCreatedDefinition(body, definition)));
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
