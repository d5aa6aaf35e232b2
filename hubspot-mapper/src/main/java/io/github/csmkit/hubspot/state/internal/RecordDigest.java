package io.github.csmkit.hubspot.state.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One hash of everything a delta compares for a record: its identity, its field hashes and its
 * memberships. The state keeps it beside each imported record, so a record whose digest is the same
 * as the one settled is unchanged without reading its field hashes and memberships. Equal digests
 * mean equal contents (SHA-256, each part length-prefixed, fields and memberships sorted);
 * different ones only send the record to the full comparison.
 */
public final class RecordDigest {
  private static final int BYTES = 16;

  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("every Java platform has SHA-256", e);
            }
          });

  private RecordDigest() {}

  /**
   * The digest of a record's contents.
   *
   * @param identity the email or name
   * @param fieldHashes field name to hash
   * @param memberships the membership keys
   * @return 16 bytes
   */
  public static byte[] of(
      String identity, Map<String, String> fieldHashes, Collection<String> memberships) {
    MessageDigest sha = SHA256.get();
    sha.reset();
    put(sha, identity);
    Map<String, String> fields = new TreeMap<>(fieldHashes);
    count(sha, fields.size());
    fields.forEach(
        (name, hash) -> {
          put(sha, name);
          put(sha, hash);
        });
    TreeSet<String> keys = new TreeSet<>(memberships);
    count(sha, keys.size());
    keys.forEach(k -> put(sha, k));
    return Arrays.copyOf(sha.digest(), BYTES);
  }

  private static void put(MessageDigest sha, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    count(sha, b.length);
    sha.update(b);
  }

  private static void count(MessageDigest sha, int n) {
    sha.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
  }
}
