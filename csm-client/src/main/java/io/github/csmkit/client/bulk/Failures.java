package io.github.csmkit.client.bulk;

import io.github.csmkit.client.error.CsmException;
import io.github.csmkit.client.error.ForbiddenException;
import io.github.csmkit.client.error.NotFoundException;
import io.github.csmkit.client.error.PreconditionFailedException;
import io.github.csmkit.client.error.UnauthorizedException;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** How the engine reads an exception: its cause, its words, and whether it dooms every batch. */
final class Failures {
  private Failures() {}

  static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  static String describe(Throwable t) {
    return t instanceof CsmException || t.getMessage() == null
        ? String.valueOf(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage())
        : t.getClass().getSimpleName() + ": " + t.getMessage();
  }

  /**
   * Why the whole import must stop, when {@code cause} would fail every batch alike: credentials,
   * permissions, the opt-in, or (on a submit) a wrong base URL.
   */
  static Optional<String> fatal(Throwable cause, boolean submitting, String path) {
    if (cause instanceof UnauthorizedException) {
      return Optional.of("the server refused the credentials (401)");
    } else if (cause instanceof ForbiddenException) {
      return Optional.of("the credentials lack permission for " + path + " (403)");
    } else if (cause instanceof PreconditionFailedException) {
      return Optional.of("the server refused the experimental-API opt-in (412)");
    } else if (cause instanceof NotFoundException && submitting) {
      return Optional.of("the endpoint was not found (404): check the base URL or cloud id");
    }
    return Optional.empty();
  }
}
