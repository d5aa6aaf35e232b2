package io.github.csmkit.cli;

import io.github.csmkit.client.TaskTimeoutException;
import io.github.csmkit.client.bulk.JournalMismatchException;
import io.github.csmkit.client.error.CsmException;
import io.github.csmkit.client.error.CsmServiceException;
import io.github.csmkit.client.error.CsmValidationException;
import io.github.csmkit.client.error.ForbiddenException;
import io.github.csmkit.client.error.NotFoundException;
import io.github.csmkit.client.error.PreconditionFailedException;
import io.github.csmkit.client.error.TransportException;
import io.github.csmkit.client.error.UnauthorizedException;
import io.github.csmkit.hubspot.mapping.MappingFileException;
import io.github.csmkit.hubspot.source.HubSpotApiException;
import io.github.csmkit.hubspot.source.HubSpotAuthenticationException;
import io.github.csmkit.hubspot.source.HubSpotSourceException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.CancellationException;

/**
 * Turns an exception into one line on stderr and an exit code; the stack trace only with --verbose.
 */
final class Errors {
  private Errors() {}

  static int report(Throwable e, PrintWriter err, boolean verbose) {
    Throwable t = unwrap(e);
    int code = exitCode(t);
    err.println("csmkit: " + message(t));
    if (code == ExitCode.USAGE) {
      err.println("Run with --help for the options.");
    }
    if (verbose) {
      t.printStackTrace(err);
    } else if (code == ExitCode.FAILURES && !(t instanceof CliException)) {
      err.println("(run again with --verbose for the stack trace)");
    }
    err.flush();
    return code;
  }

  private static Throwable unwrap(Throwable e) {
    Throwable t = e;
    while ((t instanceof java.util.concurrent.CompletionException
            || t instanceof java.util.concurrent.ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  static int exitCode(Throwable t) {
    if (t instanceof CliException c) {
      return c.exitCode();
    }
    if (t instanceof UnauthorizedException
        || t instanceof ForbiddenException
        || t instanceof PreconditionFailedException
        || t instanceof MappingFileException
        || t instanceof JournalMismatchException
        || t instanceof HubSpotAuthenticationException) {
      return ExitCode.CONFIG;
    }
    if (t instanceof TaskTimeoutException || t instanceof CancellationException || interrupt(t)) {
      return ExitCode.STOPPED;
    }
    return ExitCode.FAILURES;
  }

  /** An interrupt, even wrapped (a CSM call cut short by Ctrl-C). */
  private static boolean interrupt(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof InterruptedException) {
        return true;
      }
    }
    return false;
  }

  static String message(Throwable t) {
    if (t instanceof UnauthorizedException) {
      return "CSM refused the credentials (401): check the token (and --email for an API token).";
    }
    if (t instanceof ForbiddenException) {
      return "CSM refused the request (403): the token lacks permission for the CSM bulk APIs.";
    }
    if (t instanceof PreconditionFailedException) {
      return "CSM refused the experimental-API opt-in (412): the bulk APIs are not enabled for this site.";
    }
    if (t instanceof NotFoundException) {
      return "not found (404): "
          + oneLine(t.getMessage())
          + " (check --base-url / --cloud-id and the id)";
    }
    if (t instanceof MappingFileException) {
      return "bad mapping file: " + oneLine(t.getMessage());
    }
    if (t instanceof JournalMismatchException j) {
      return "the journal "
          + j.journal()
          + " belongs to another job or input: "
          + oneLine(t.getMessage())
          + " (use another --journal directory or --job-id)";
    }
    if (t instanceof HubSpotAuthenticationException) {
      return "HubSpot refused the token: " + oneLine(t.getMessage());
    }
    if (t instanceof HubSpotApiException || t instanceof HubSpotSourceException) {
      return "reading HubSpot data failed: " + oneLine(t.getMessage());
    }
    if (t instanceof TaskTimeoutException) {
      return "gave up waiting: " + oneLine(t.getMessage());
    }
    if (t instanceof InterruptedException || t instanceof CancellationException) {
      return "interrupted";
    }
    if (t instanceof CsmValidationException v) {
      return "invalid request: " + oneLine(v.getMessage());
    }
    if (t instanceof TransportException) {
      return "cannot reach CSM: " + oneLine(t.getMessage());
    }
    if (t instanceof CsmServiceException s) {
      return "CSM answered " + s.statusCode() + ": " + oneLine(t.getMessage());
    }
    if (t instanceof CsmException || t instanceof CliException) {
      return oneLine(t.getMessage());
    }
    if (t instanceof UncheckedIOException u) {
      return oneLine(u.getMessage()) + ": " + oneLine(String.valueOf(u.getCause().getMessage()));
    }
    return "unexpected error: "
        + t.getClass().getSimpleName()
        + ": "
        + oneLine(String.valueOf(t.getMessage()));
  }

  private static String oneLine(String s) {
    if (s == null) {
      return "";
    }
    String line = s.replaceAll("\\s*\\R\\s*", " ").strip();
    return line.length() > 400 ? line.substring(0, 400) + "..." : line;
  }
}
