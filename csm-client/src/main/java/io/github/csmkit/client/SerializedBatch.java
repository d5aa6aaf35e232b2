package io.github.csmkit.client;

import io.github.csmkit.client.model.Batch;
import java.nio.ByteBuffer;

/**
 * A batch serialised once for one endpoint: the exact bytes a submit sends, so that a key derived
 * from them (see {@link io.github.csmkit.client.bulk.BulkImporter}) names exactly what was sent.
 * Made by {@link BulkEndpoint#serialize}; immutable.
 *
 * @param <B> the batch type
 */
public final class SerializedBatch<B extends Batch<?>> {
  private final String path;
  private final B batch;
  private final byte[] body;

  SerializedBatch(String path, B batch, byte[] body) {
    this.path = path;
    this.batch = batch;
    this.body = body;
  }

  /** The path of the endpoint that serialised it. */
  public String path() {
    return path;
  }

  /** The batch. */
  public B batch() {
    return batch;
  }

  /** The JSON body, read-only. */
  public ByteBuffer body() {
    return ByteBuffer.wrap(body).asReadOnlyBuffer();
  }

  /** The body's length in bytes. */
  public int size() {
    return body.length;
  }

  byte[] bytes() {
    return body;
  }

  @Override
  public String toString() {
    return "SerializedBatch["
        + path
        + ", "
        + batch.items().size()
        + " items, "
        + body.length
        + " bytes]";
  }
}
