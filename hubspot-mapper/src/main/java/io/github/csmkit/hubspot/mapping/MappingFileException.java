package io.github.csmkit.hubspot.mapping;

/**
 * A mapping file cannot be used: it is not valid JSON or YAML, has an unknown key, a value of the
 * wrong type, or a mapping that makes no sense. The message names the file, the key and, where the
 * parser knows it, the line.
 */
public class MappingFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String key;
  private final int line;

  /**
   * An exception for a problem at a key of a mapping file.
   *
   * @param message the full message
   * @param key the key's path, e.g. {@code customers.fields[2].type}, or empty
   * @param line the 1-based line, or 0 when not known
   * @param cause the parser's error, or null
   */
  public MappingFileException(String message, String key, int line, Throwable cause) {
    super(message, cause);
    this.key = key;
    this.line = line;
  }

  /** The key's path, e.g. {@code customers.fields[2].type}, or empty. */
  public String key() {
    return key;
  }

  /** The 1-based line, or 0 when not known. */
  public int line() {
    return line;
  }
}
