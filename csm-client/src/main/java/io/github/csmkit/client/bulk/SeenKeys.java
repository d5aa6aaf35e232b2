package io.github.csmkit.client.bulk;

import io.github.csmkit.client.internal.Hashes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.jspecify.annotations.Nullable;

/**
 * The de-duplication keys seen so far, as 64-bit hashes in an open-addressing table: 16 bytes a key
 * at most. Up to 65,536 keys the table is on the heap; past that it moves to a memory-mapped
 * temporary file (unlinked at once, so nothing is left behind), which the operating system pages to
 * disk as it likes — so the heap stays flat however large the input, as the engine promises. Two
 * different keys share a hash with probability about n²/2⁶⁵ (3·10⁻⁸ for a million keys); the cost
 * of that is one record reported as a duplicate.
 */
final class SeenKeys implements AutoCloseable {
  static final int HEAP_SLOTS = 1 << 17;

  private LongBuffer table = LongBuffer.allocate(1 << 10);
  private @Nullable FileChannel file;
  private int size;

  /** Adds the key; false when it was seen before. */
  boolean add(String key) {
    long h = Hashes.hash64(key);
    if (size * 2L >= table.capacity()) {
      grow();
    }
    if (insert(table, h)) {
      size++;
      return true;
    }
    return false;
  }

  int size() {
    return size;
  }

  /** True once the table lives in a mapped file rather than on the heap. */
  boolean offHeap() {
    return file != null;
  }

  private static boolean insert(LongBuffer t, long h) {
    int mask = t.capacity() - 1;
    int i = (int) (h ^ (h >>> 32)) & mask;
    for (long v = t.get(i); v != 0; v = t.get(i)) {
      if (v == h) {
        return false;
      }
      i = (i + 1) & mask;
    }
    t.put(i, h);
    return true;
  }

  private void grow() {
    int slots = table.capacity() * 2;
    @Nullable FileChannel nextFile = null;
    LongBuffer next;
    if (slots <= HEAP_SLOTS) {
      next = LongBuffer.allocate(slots);
    } else {
      nextFile = temporaryFile();
      try {
        next = nextFile.map(FileChannel.MapMode.READ_WRITE, 0, slots * 8L).asLongBuffer();
      } catch (IOException e) {
        closeQuietly(nextFile);
        throw new UncheckedIOException("cannot map the de-duplication file", e);
      }
    }
    for (int i = 0; i < table.capacity(); i++) {
      long h = table.get(i);
      if (h != 0) {
        insert(next, h);
      }
    }
    closeQuietly(file);
    file = nextFile;
    table = next;
  }

  private static FileChannel temporaryFile() {
    try {
      Path path =
          FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
              ? Files.createTempFile(
                  "csmkit-dedupe-",
                  ".bin",
                  PosixFilePermissions.asFileAttribute(
                      PosixFilePermissions.fromString("rw-------")))
              : Files.createTempFile("csmkit-dedupe-", ".bin");
      FileChannel channel =
          FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
      try {
        Files.delete(path); // the open channel and mapping keep it alive; a crash leaves nothing
      } catch (IOException e) {
        path.toFile().deleteOnExit(); // file systems that cannot unlink an open file
      }
      return channel;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the de-duplication file", e);
    }
  }

  private static void closeQuietly(@Nullable FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // the mapping stays valid; nothing to do
      }
    }
  }

  /** Releases the file, if any. */
  @Override
  public void close() {
    closeQuietly(file);
    file = null;
    table = LongBuffer.allocate(1);
  }

  @Override
  public String toString() {
    return "SeenKeys[" + size + " of " + table.capacity() + (offHeap() ? ", mapped" : "") + "]";
  }
}
