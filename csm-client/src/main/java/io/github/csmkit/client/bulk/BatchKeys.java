package io.github.csmkit.client.bulk;

import io.github.csmkit.client.SerializedBatch;
import io.github.csmkit.client.model.IdempotencyKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The engine's idempotency keys: derived from the exact bytes sent, so a rerun sends the same. */
final class BatchKeys {
  private BatchKeys() {}

  /** {@code csmkit-} and the SHA-256 of the job id, the endpoint's path and the body. */
  static IdempotencyKey derive(String jobId, SerializedBatch<?> body) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(jobId.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(body.path().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(body.body());
      return IdempotencyKey.of("csmkit-" + HexFormat.of().formatHex(sha.digest()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
