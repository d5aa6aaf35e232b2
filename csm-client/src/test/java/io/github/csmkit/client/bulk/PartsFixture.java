package io.github.csmkit.client.bulk;

import io.github.csmkit.client.Credentials;
import io.github.csmkit.client.CsmClient;
import io.github.csmkit.client.model.CustomerProfileBatch;
import io.github.csmkit.client.model.CustomerProfileOperation;
import io.github.csmkit.client.model.IdempotencyKey;
import java.util.ArrayList;
import java.util.List;

/** Batches for the engine's part tests, serialised by a client that is never contacted. */
final class PartsFixture {
  static final CsmClient CSM =
      CsmClient.builder()
          .baseUri("http://127.0.0.1:9")
          .credentials(Credentials.bearer("unused-token"))
          .build();

  private PartsFixture() {}

  static Pending<String, CustomerProfileOperation> pending(long index, String email) {
    return new Pending<>(index, email, SandboxImports.create(email), 1);
  }

  /** Batch {@code number} of records {@code first} to {@code first + size - 1}. */
  static InFlightBatch<String, CustomerProfileOperation, CustomerProfileBatch> batch(
      int number, long first, int size) {
    List<Pending<String, CustomerProfileOperation>> items = new ArrayList<>();
    for (long i = first; i < first + size; i++) {
      items.add(pending(i, "r" + i + "@x.io"));
    }
    CustomerProfileBatch b =
        CustomerProfileBatch.of(items.stream().map(Pending::operation).toList());
    return new InFlightBatch<>(
        number, items, CSM.customerProfiles().serialize(b), IdempotencyKey.of("key-" + number));
  }
}
