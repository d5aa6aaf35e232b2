package io.github.csmkit.benchmarks;

/** The start-up baseline: a JVM that starts, prints one line and exits. */
public final class Noop {
  private Noop() {}

  public static void main(String[] args) {
    System.out.println("noop");
  }
}
