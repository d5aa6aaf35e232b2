package io.github.csmkit.client.bulk;

import io.github.csmkit.client.error.CsmException;
import io.github.csmkit.client.error.ForbiddenException;
import io.github.csmkit.client.error.NotFoundException;
import io.github.csmkit.client.error.PreconditionFailedException;
import io.github.csmkit.client.error.TransportException;
import io.github.csmkit.client.error.UnauthorizedException;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** How the engine reads an exception: its cause, its words, and whether it dooms every batch. */
final class Failures {
  /** Why an import stopped when its bulk endpoint answered 404. */
  static final String NOT_FOUND =
      "the endpoint was not found (404): check the base URL or cloud id";

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
   * How a batch whose submit failed ends: UNRESOLVED when the server may have processed it (every
   * attempt ended in an I/O error or a timeout, after the request may have arrived), else
   * SUBMIT_FAILED. A rerun of the same job resends the same key, so it finds out either way.
   */
  static BatchEnd submitEnd(Throwable cause) {
    if (cause instanceof TransportException) {
      return BatchEnd.unresolved(
          "the batch may have been processed, its answer was lost ("
              + describe(cause)
              + "): rerun the same job to find out");
    }
    return BatchEnd.submitFailed("the batch could not be submitted: " + describe(cause));
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
      return Optional.of(NOT_FOUND);
    }
    return Optional.empty();
  }
}
