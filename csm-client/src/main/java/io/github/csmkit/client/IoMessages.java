package io.github.csmkit.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;

/** What an I/O error says in an exception: enough for an operator to act on. */
final class IoMessages {
  private IoMessages() {}

  /**
   * An I/O error's message; a refused or unreachable connection (whose message is often null) names
   * the host and port that could not be reached.
   */
  static String of(IOException io, URI uri) {
    String message = io.getMessage();
    if (io instanceof ConnectException) {
      int port = uri.getPort() >= 0 ? uri.getPort() : "http".equals(uri.getScheme()) ? 80 : 443;
      return "cannot connect to "
          + uri.getHost()
          + ":"
          + port
          + (message == null || message.isBlank() ? "" : " (" + message + ")");
    }
    return String.valueOf(message);
  }
}
