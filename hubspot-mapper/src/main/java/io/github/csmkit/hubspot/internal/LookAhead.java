package io.github.csmkit.hubspot.internal;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * An iterator that computes its next element on demand and holds exactly one in hand: the one
 * look-ahead every source and migration step needs, written once. Not thread-safe. Not for users.
 *
 * @param <T> the element type
 */
public abstract class LookAhead<T> implements Iterator<T> {
  private T next;
  private boolean done;

  /** For subclasses. */
  protected LookAhead() {}

  /**
   * An iterator over what {@code advance} returns, until it returns null.
   *
   * @param advance gives the next element, or null at the end; not called again after null
   */
  public static <T> LookAhead<T> of(Supplier<? extends T> advance) {
    return new LookAhead<>() {
      @Override
      protected T advance() {
        return advance.get();
      }
    };
  }

  /** The next element, or null when there is none; not called again after it returned null. */
  protected abstract T advance();

  @Override
  public final boolean hasNext() {
    if (next == null && !done) {
      next = advance();
      done = next == null;
    }
    return next != null;
  }

  @Override
  public final T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    T r = next;
    next = null;
    return r;
  }
}
