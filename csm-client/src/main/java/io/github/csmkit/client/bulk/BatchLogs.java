package io.github.csmkit.client.bulk;

import io.github.csmkit.client.bulk.ImportReport.BatchLog;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The per-batch log of a run, kept compactly: about 90 bytes a batch in primitive arrays instead of
 * some 620 as {@link BatchLog} records (with their strings, instants and optionals), so that a
 * million-record import keeps its 20,000 batch logs in under 2 MB rather than 12. Idempotency keys
 * are stored as their 32 digest bytes, task ids that are UUIDs as two longs, status URLs as a
 * shared prefix plus the task id, statuses as an index; anything else is kept as it came. A {@link
 * BatchLog} is rebuilt, equal to the one logged, when the list is read.
 *
 * <p>Filled under the run's lock; read-only once the report holds it.
 */
final class BatchLogs extends AbstractList<BatchLog> implements RandomAccess {
  private static final String KEY_PREFIX = "csmkit-";
  private static final int KEY_BYTES = 32;
  private static final HexFormat HEX = HexFormat.of();

  private int capacity = 16;
  private boolean[] present = new boolean[capacity];
  private long[] submittedSeconds = new long[capacity];
  private int[] submittedNanos = new int[capacity];
  private int[] recordCount = new int[capacity];
  private int[] failureCount = new int[capacity];
  private long[] completedSeconds = new long[capacity];
  private int[] completedNanos = new int[capacity]; // -1: no completion time
  private long[] taskHigh = new long[capacity];
  private long[] taskLow = new long[capacity];
  private byte[] taskKind = new byte[capacity]; // 0 none, 1 UUID, 2 kept in `other`
  private int[] urlPrefix =
      new int[capacity]; // -1 none, -2 kept in `other`, else an index of `strings`
  private int[] status = new int[capacity];
  private byte[] keys = new byte[capacity * KEY_BYTES];
  private final Map<Integer, @Nullable String[]> other =
      new HashMap<>(); // number -> {taskId, key, statusUrl}
  private final List<String> strings = new ArrayList<>();
  private final Map<String, Integer> stringIndex = new HashMap<>();
  private int size;
  private int @Nullable [] order; // batch numbers in order, built on the first read

  /** Logs a batch (numbered from 1); a later log of the same number replaces it. */
  void put(BatchLog log) {
    int i = log.batch() - 1;
    if (i < 0) {
      throw new IllegalArgumentException("batch numbers start at 1: " + log.batch());
    }
    ensure(i + 1);
    if (!present[i]) {
      size++;
      present[i] = true;
    }
    order = null;
    other.remove(log.batch());
    @Nullable String[] kept = new String[3];
    submittedSeconds[i] = log.submittedAt().getEpochSecond();
    submittedNanos[i] = log.submittedAt().getNano();
    recordCount[i] = log.recordCount();
    failureCount[i] = log.failureCount();
    completedNanos[i] = -1;
    log.completedAt()
        .ifPresent(
            c -> {
              completedSeconds[i] = c.getEpochSecond();
              completedNanos[i] = c.getNano();
            });
    taskKind[i] = 0;
    if (log.taskId().isPresent()) {
      String id = log.taskId().get();
      UUID uuid = uuid(id);
      if (uuid != null) {
        taskKind[i] = 1;
        taskHigh[i] = uuid.getMostSignificantBits();
        taskLow[i] = uuid.getLeastSignificantBits();
      } else {
        taskKind[i] = 2;
        kept[0] = id;
      }
    }
    String key = log.idempotencyKey();
    byte[] digest = digest(key);
    if (digest != null) {
      System.arraycopy(digest, 0, keys, i * KEY_BYTES, KEY_BYTES);
    } else {
      kept[1] = key;
    }
    urlPrefix[i] = -1;
    if (log.statusUrl().isPresent()) {
      String url = log.statusUrl().get();
      String id = log.taskId().orElse(null);
      if (id != null && !id.isEmpty() && url.endsWith(id)) {
        urlPrefix[i] = intern(url.substring(0, url.length() - id.length()));
      } else {
        urlPrefix[i] = -2;
        kept[2] = url;
      }
    }
    status[i] = intern(log.finalStatus());
    if (kept[0] != null || kept[1] != null || kept[2] != null) {
      other.put(log.batch(), kept);
    }
  }

  @Override
  public BatchLog get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("index " + index + ", size " + size);
    }
    int i = order()[index];
    @Nullable String @Nullable [] kept = other.get(i + 1);
    Optional<String> taskId =
        switch (taskKind[i]) {
          case 1 -> Optional.of(new UUID(taskHigh[i], taskLow[i]).toString());
          case 2 -> Optional.ofNullable(kept == null ? null : kept[0]);
          default -> Optional.empty();
        };
    String key =
        kept != null && kept[1] != null
            ? kept[1]
            : KEY_PREFIX + HEX.formatHex(keys, i * KEY_BYTES, (i + 1) * KEY_BYTES);
    Optional<String> url =
        switch (urlPrefix[i]) {
          case -1 -> Optional.empty();
          case -2 -> Optional.ofNullable(kept == null ? null : kept[2]);
          default -> Optional.of(strings.get(urlPrefix[i]) + taskId.orElse(""));
        };
    Optional<Instant> completed =
        completedNanos[i] < 0
            ? Optional.empty()
            : Optional.of(Instant.ofEpochSecond(completedSeconds[i], completedNanos[i]));
    return new BatchLog(
        i + 1,
        Instant.ofEpochSecond(submittedSeconds[i], submittedNanos[i]),
        recordCount[i],
        taskId,
        key,
        url,
        strings.get(status[i]),
        failureCount[i],
        completed);
  }

  @Override
  public int size() {
    return size;
  }

  private int[] order() {
    int[] o = order;
    if (o == null) {
      o = new int[size];
      int n = 0;
      for (int i = 0; i < capacity && n < size; i++) {
        if (present[i]) {
          o[n++] = i;
        }
      }
      order = o;
    }
    return o;
  }

  private int intern(String s) {
    Integer i = stringIndex.get(s);
    if (i == null) {
      i = strings.size();
      strings.add(s);
      stringIndex.put(s, i);
    }
    return i;
  }

  /** The UUID when {@code id} is one in canonical lower-case form (so it prints back the same). */
  private static @Nullable UUID uuid(String id) {
    if (id.length() != 36) {
      return null;
    }
    try {
      UUID u = UUID.fromString(id);
      return u.toString().equals(id) ? u : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The digest of a {@code csmkit-<64 lower-case hex>} key, else null. */
  private static byte @Nullable [] digest(String key) {
    if (key.length() != KEY_PREFIX.length() + 2 * KEY_BYTES || !key.startsWith(KEY_PREFIX)) {
      return null;
    }
    for (int c = KEY_PREFIX.length(); c < key.length(); c++) {
      char ch = key.charAt(c);
      if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'))) {
        return null;
      }
    }
    return HEX.parseHex(key, KEY_PREFIX.length(), key.length());
  }

  private void ensure(int needed) {
    if (needed <= capacity) {
      return;
    }
    int c = Math.max(needed, capacity + (capacity >> 1));
    present = Arrays.copyOf(present, c);
    submittedSeconds = Arrays.copyOf(submittedSeconds, c);
    submittedNanos = Arrays.copyOf(submittedNanos, c);
    recordCount = Arrays.copyOf(recordCount, c);
    failureCount = Arrays.copyOf(failureCount, c);
    completedSeconds = Arrays.copyOf(completedSeconds, c);
    completedNanos = Arrays.copyOf(completedNanos, c);
    taskHigh = Arrays.copyOf(taskHigh, c);
    taskLow = Arrays.copyOf(taskLow, c);
    taskKind = Arrays.copyOf(taskKind, c);
    urlPrefix = Arrays.copyOf(urlPrefix, c);
    status = Arrays.copyOf(status, c);
    keys = Arrays.copyOf(keys, c * KEY_BYTES);
    capacity = c;
  }
}
