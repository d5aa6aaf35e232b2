package io.github.csmkit.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** A clock that only moves when the client sleeps, and a sleeper that records every wait. */
public final class FakeTime extends Clock implements Sleeper {
  private volatile Instant now;
  public final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  public FakeTime(Instant start) {
    this.now = start;
  }

  public FakeTime() {
    this(Instant.parse("2026-11-28T12:00:00Z"));
  }

  @Override
  public CompletableFuture<Void> sleep(Duration delay) {
    sleeps.add(delay);
    synchronized (this) {
      now = now.plus(delay);
    }
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }
}
