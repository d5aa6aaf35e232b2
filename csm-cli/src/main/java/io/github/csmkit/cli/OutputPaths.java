package io.github.csmkit.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a run will write, checked before anything is sent to CSM: a run that cannot write its
 * report must fail at once, with exit code 2, not after creating organizations.
 */
final class OutputPaths {
  private OutputPaths() {}

  /** A usage error unless {@code file} can be created or overwritten as a file. */
  static void requireWritableFile(Path file, String option) {
    if (file == null) {
      return;
    }
    if (Files.isDirectory(file)) {
      throw CliException.usage(option + " " + file + " is a folder, not a file");
    }
    if (Files.exists(file) && !Files.isWritable(file)) {
      throw CliException.usage(option + " " + file + " is not writable");
    }
    requireWritableParent(file, option);
  }

  /** A usage error unless {@code dir} is, or can be created as, a writable folder. */
  static void requireWritableFolder(Path dir, String option) {
    if (dir == null) {
      return;
    }
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw CliException.usage(option + " " + dir + " is a file, not a folder");
    }
    if (Files.isDirectory(dir) && !Files.isWritable(dir)) {
      throw CliException.usage(option + " " + dir + " is not writable");
    }
    requireWritableParent(dir, option);
  }

  /** The nearest existing ancestor must be a writable folder, so that the path can be created. */
  private static void requireWritableParent(Path p, String option) {
    Path parent = p.toAbsolutePath().getParent();
    while (parent != null && !Files.exists(parent)) {
      parent = parent.getParent();
    }
    if (parent == null || Files.exists(p)) {
      return;
    }
    if (!Files.isDirectory(parent)) {
      throw CliException.usage(option + " " + p + ": " + parent + " is a file, not a folder");
    }
    if (!Files.isWritable(parent)) {
      throw CliException.usage(option + " " + p + ": cannot create it in " + parent);
    }
  }
}
