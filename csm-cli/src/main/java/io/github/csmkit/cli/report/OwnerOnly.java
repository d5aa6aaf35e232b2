package io.github.csmkit.cli.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Run folders and their files hold emails: readable by their owner only where the file system has
 * POSIX permissions. Elsewhere (Windows, some network shares) they inherit the folder's access
 * rules, as docs/CLI.md says.
 */
public final class OwnerOnly {
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private OwnerOnly() {}

  /** Creates the directory (and its parents) if missing; a new one is {@code rwx------}. */
  public static Path directory(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return dir;
    }
    Path parent = dir.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    if (POSIX) {
      Files.createDirectory(
          dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } else {
      Files.createDirectory(dir);
    }
    return dir;
  }

  /** Opens the file for writing, created or truncated, {@code rw-------}. */
  public static OutputStream create(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    if (POSIX) {
      if (!Files.exists(file)) {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      }
    }
    return Files.newOutputStream(
        file,
        StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE);
  }

  /** Writes the text, UTF-8, owner-only. */
  public static void write(Path file, String text) throws IOException {
    try (OutputStream out = create(file)) {
      out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
  }
}
