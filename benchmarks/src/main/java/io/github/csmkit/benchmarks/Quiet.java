package io.github.csmkit.benchmarks;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns the engine's per-batch (and the transport's per-retry) INFO lines off: 20,000 console lines
 * would measure the terminal, not the engine. Warnings still show.
 */
final class Quiet {
  private static final Logger ENGINE = Logger.getLogger("io.github.csmkit.client.bulk");
  private static final Logger TRANSPORT = Logger.getLogger("io.github.csmkit.client");

  private Quiet() {}

  static void engineLogs() {
    ENGINE.setLevel(Level.WARNING);
    TRANSPORT.setLevel(Level.WARNING); // one INFO line per retried request under injected faults
  }
}
