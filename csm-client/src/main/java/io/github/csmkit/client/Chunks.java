package io.github.csmkit.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Runs a read over a long list in chunks the endpoint accepts, one after another. */
final class Chunks {
  private Chunks() {}

  static <I, O> CompletableFuture<List<O>> sequential(
      List<I> input, int size, Function<List<I>, CompletableFuture<List<O>>> call) {
    CompletableFuture<List<O>> result = CompletableFuture.completedFuture(new ArrayList<>());
    for (int from = 0; from < input.size(); from += size) {
      List<I> chunk = List.copyOf(input.subList(from, Math.min(input.size(), from + size)));
      result =
          result.thenCompose(
              acc ->
                  call.apply(chunk)
                      .thenApply(
                          part -> {
                            acc.addAll(part);
                            return acc;
                          }));
    }
    return result.thenApply(List::copyOf);
  }
}
