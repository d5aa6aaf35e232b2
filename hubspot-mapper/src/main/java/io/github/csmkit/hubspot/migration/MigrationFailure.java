package io.github.csmkit.hubspot.migration;

import io.github.csmkit.hubspot.migration.MigrationListener.Phase;
import java.util.Locale;
import java.util.Objects;

/**
 * What ended a migration before its end, other than an import stopping by itself: an error in a
 * phase (CSM answering 500 to the verification fetch, an organization look-up refused, an
 * unreadable source, a journal of another job) or an interrupt. The {@link MigrationReport} that
 * carries it still holds everything the run did before; the phases after {@link #phase()} are
 * {@link MigrationReport#phasesNotReached() not reached}.
 *
 * @param phase the phase the run was in (or about to start, for an interrupt between phases)
 * @param cause the error; an {@link InterruptedException} for an interrupt between phases
 * @param message one line saying what ended the run: the phase and the error's message
 */
public record MigrationFailure(Phase phase, Throwable cause, String message) {
  private static final int MAX_MESSAGE = 400;

  /** Checks the components. */
  public MigrationFailure {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(cause, "cause");
    Objects.requireNonNull(message, "message");
  }

  /** An error in {@code phase}, or an interrupt seen there. */
  static MigrationFailure in(Phase phase, Throwable cause) {
    if (interrupt(cause)) {
      return new MigrationFailure(phase, cause, "interrupted during the " + name(phase) + " phase");
    }
    String detail =
        cause.getMessage() == null ? "" : cause.getMessage().replaceAll("\\s*\\R\\s*", " ").strip();
    if (detail.length() > MAX_MESSAGE) {
      detail = detail.substring(0, MAX_MESSAGE) + "...";
    }
    // the error's own message says what failed (csmkit's never carry a token); its type only
    // when it has no message
    return new MigrationFailure(
        phase,
        cause,
        "the "
            + name(phase)
            + " phase failed: "
            + (detail.isEmpty() ? cause.getClass().getSimpleName() : detail));
  }

  /** An interrupt seen between phases, before {@code next} began. */
  static MigrationFailure interruptedBefore(Phase next) {
    String message = "interrupted before the " + name(next) + " phase";
    return new MigrationFailure(next, new InterruptedException(message), message);
  }

  /** True when the run was interrupted (Ctrl-C, a cancelled task) rather than failed. */
  public boolean interrupted() {
    return interrupt(cause);
  }

  /** The phase as people read it: "detail fields", "organizations", ... */
  static String name(Phase phase) {
    return phase.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static boolean interrupt(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof InterruptedException
          || c instanceof java.nio.channels.ClosedByInterruptException) {
        return true;
      }
    }
    return false;
  }
}
