package io.github.csmkit.cli;

/** {@code --progress}: how progress shows on stderr. */
enum ProgressMode {
  /** A line redrawn in place when stderr is a terminal, else plain lines. */
  AUTO,
  /** Plain lines every few seconds, plus each phase's start and end: for logs. */
  PLAIN,
  /** No progress (errors and the summary still print). */
  NONE;

  /** Whether progress redraws a line in place, given whether stderr is a terminal. */
  boolean redraws(boolean stderrIsTerminal) {
    return this == AUTO && stderrIsTerminal;
  }
}
