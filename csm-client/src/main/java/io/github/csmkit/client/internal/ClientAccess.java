package io.github.csmkit.client.internal;

import io.github.csmkit.client.CsmClient;
import java.util.Objects;
import java.util.function.Function;

/**
 * Lets csmkit's own packages reach a client's transport without a public accessor on {@link
 * CsmClient}. Not for users.
 */
public final class ClientAccess {
  private static volatile Function<CsmClient, Transport> transports;

  private ClientAccess() {}

  /** Called once by {@link CsmClient}'s static initializer. */
  public static synchronized void register(Function<CsmClient, Transport> accessor) {
    Objects.requireNonNull(accessor);
    if (transports != null) { // only CsmClient's own initializer may set it, once
      throw new IllegalStateException("already registered");
    }
    transports = accessor;
  }

  public static Transport transport(CsmClient client) {
    return transports.apply(Objects.requireNonNull(client, "client"));
  }
}
