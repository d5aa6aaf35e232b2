package io.github.csmkit.sandbox;

/** A request the sandbox refuses; carries the status and the message of the answer. */
final class BadRequest extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final int status;

  BadRequest(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  static BadRequest of(String message) {
    return new BadRequest(400, message);
  }
}
