package io.github.csmkit.benchmarks;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns the engine's per-batch INFO lines off: 20,000 console lines would measure the terminal,
 * not the engine. Warnings still show.
 */
final class Quiet {
  private static final Logger ENGINE = Logger.getLogger("io.github.csmkit.client.bulk");

  private Quiet() {}

  static void engineLogs() {
    ENGINE.setLevel(Level.WARNING);
  }
}
