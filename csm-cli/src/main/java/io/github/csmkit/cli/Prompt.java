package io.github.csmkit.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;

/** A question to the person at the terminal; absent when nobody can answer (a pipe, a CI job). */
@FunctionalInterface
interface Prompt {
  /** Shows the question and returns the answer, or null at end of input. */
  String ask(String question);

  /** Asks on {@code err} and reads a line from {@code in}. */
  static Prompt of(PrintWriter err, BufferedReader in) {
    return question -> {
      err.print(question);
      err.flush();
      try {
        return in.readLine();
      } catch (IOException e) {
        return null;
      }
    };
  }
}
