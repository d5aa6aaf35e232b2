package io.github.csmkit.client;

import io.github.csmkit.client.internal.WireFormat;
import io.github.csmkit.client.model.Batch;
import io.github.csmkit.client.model.IdempotencyKey;
import io.github.csmkit.client.model.SubmittedTask;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One bulk endpoint: submits a validated batch and answers with the task that will process it. Each
 * submit sends one {@code Idempotency-Key} — a fresh random one unless the caller gives one — and
 * keeps it on every retry, so a retried batch is processed once.
 *
 * @param <B> the batch type this endpoint takes
 */
public class BulkEndpoint<B extends Batch<?>> {
  private final Transport transport;
  private final String path;
  private final Function<B, byte[]> writer;

  BulkEndpoint(Transport transport, String path, Function<B, byte[]> writer) {
    this.transport = transport;
    this.path = path;
    this.writer = writer;
  }

  /** The endpoint's path, for example {@code /api/v1/customer/profile/bulk}. */
  public String path() {
    return path;
  }

  /** The exact JSON body {@link #submit} sends for this batch (deterministic for equal batches). */
  public byte[] requestBody(B batch) {
    return writer.apply(Objects.requireNonNull(batch, "batch"));
  }

  /**
   * Submits a batch with a fresh random idempotency key.
   *
   * @throws io.github.csmkit.client.error.CsmException the subtype for what went wrong, after
   *     retries (see the README's status table)
   */
  public SubmittedTask submit(B batch) {
    return Transport.join(submitAsync(batch));
  }

  /**
   * Submits a batch with the caller's idempotency key: resubmitting the same batch with the same
   * key (also from another process, within the server's retention of about 3 days) gets the same
   * task instead of duplicating data.
   */
  public SubmittedTask submit(B batch, IdempotencyKey key) {
    return Transport.join(submitAsync(batch, key));
  }

  /** {@link #submit(Batch)} without blocking; continuations run on the client's executor. */
  public CompletableFuture<SubmittedTask> submitAsync(B batch) {
    return submitAsync(batch, IdempotencyKey.random());
  }

  /** {@link #submit(Batch, IdempotencyKey)} without blocking. */
  public CompletableFuture<SubmittedTask> submitAsync(B batch, IdempotencyKey key) {
    return submitAsync(serialize(batch), key, BackPressure.CLIENT);
  }

  /**
   * Serialises a batch once, for a caller that derives its key from the bytes or sends them more
   * than once.
   */
  public SerializedBatch<B> serialize(B batch) {
    return new SerializedBatch<>(path, batch, requestBody(batch));
  }

  /**
   * Submits bytes serialised by this endpoint, as they are, with the caller's key.
   *
   * @param backPressure who waits on the tenant's task limit and on 429s
   * @throws IllegalArgumentException if another endpoint serialised the batch
   */
  public CompletableFuture<SubmittedTask> submitAsync(
      SerializedBatch<B> batch, IdempotencyKey key, BackPressure backPressure) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(backPressure, "backPressure");
    if (!batch.path().equals(path)) {
      throw new IllegalArgumentException(
          "the batch was serialised for " + batch.path() + ", not " + path);
    }
    URI uri = transport.uri(path);
    return transport
        .post(uri, batch.bytes(), key, backPressure == BackPressure.CALLER)
        .thenApply(transport.reader("POST", uri, bytes -> WireFormat.readSubmitted(bytes, key)));
  }

  Transport transport() {
    return transport;
  }

  @Override
  public String toString() {
    return "BulkEndpoint[" + path + "]";
  }
}
