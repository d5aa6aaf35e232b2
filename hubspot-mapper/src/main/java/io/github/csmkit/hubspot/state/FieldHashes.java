package io.github.csmkit.hubspot.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hash the state keeps of a field's values: stable across versions, platforms and runs.
 *
 * <p>The encoding hashed is: the number of values as a 4-byte big-endian integer, then for each
 * value in order its UTF-8 length as a 4-byte big-endian integer and its UTF-8 bytes. The hash is
 * the first 16 bytes of SHA-256 over that, as 32 lower-case hex digits. Order matters (values are
 * compared as sent). A field with no values is absent: it has no hash, and a field that had one and
 * has none now was cleared.
 */
public final class FieldHashes {
  private static final HexFormat HEX = HexFormat.of();
  private static final int HASH_BYTES = 16;

  // one digest per thread, reused: looking one up costs more than hashing a short field
  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(FieldHashes::sha256);

  private FieldHashes() {}

  /**
   * Hashes one field's values.
   *
   * @param values the values, in the order sent; not empty
   * @return 32 hex digits
   * @throws IllegalArgumentException when {@code values} is empty (an empty field has no hash)
   */
  public static String hash(List<String> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("a field without values has no hash: it is cleared");
    }
    MessageDigest sha = SHA256.get();
    sha.reset(); // digest() resets it; this covers a failure half-way
    sha.update(int32(values.size()));
    for (String v : values) {
      byte[] bytes = v.getBytes(StandardCharsets.UTF_8);
      sha.update(int32(bytes.length));
      sha.update(bytes);
    }
    byte[] digest = sha.digest();
    return HEX.formatHex(digest, 0, HASH_BYTES);
  }

  /**
   * Hashes every field that has values; fields with none are left out.
   *
   * @param fields field name to values
   * @return field name to hash, in the fields' order
   */
  public static Map<String, String> of(Map<String, List<String>> fields) {
    Map<String, String> out = new LinkedHashMap<>();
    fields.forEach(
        (name, values) -> {
          if (!values.isEmpty()) {
            out.put(name, hash(values));
          }
        });
    return out;
  }

  private static byte[] int32(int n) {
    return new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
