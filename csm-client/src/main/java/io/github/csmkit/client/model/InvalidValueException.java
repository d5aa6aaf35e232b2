package io.github.csmkit.client.model;

/** Thrown by a value type's builder when a required attribute is missing. */
public class InvalidValueException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public InvalidValueException(String message) {
    super(message);
  }
}
