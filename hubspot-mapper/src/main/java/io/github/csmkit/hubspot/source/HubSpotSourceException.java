package io.github.csmkit.hubspot.source;

/**
 * A whole source cannot be read: the file is missing or unreadable, is not a CSV or JSON file of
 * the expected shape, or lacks a required column. The message names the source and the line.
 */
public class HubSpotSourceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final long line;

  /**
   * An exception for a problem at a line of a source.
   *
   * @param source the file or API path
   * @param line the 1-based line, or 0 when not known
   * @param message what is wrong
   * @param cause the underlying error, or null
   */
  public HubSpotSourceException(String source, long line, String message, Throwable cause) {
    super(source + (line > 0 ? ":" + line : "") + ": " + message, cause);
    this.source = source;
    this.line = line;
  }

  /** The file or API path. */
  public String source() {
    return source;
  }

  /** The 1-based line, or 0 when not known. */
  public long line() {
    return line;
  }
}
