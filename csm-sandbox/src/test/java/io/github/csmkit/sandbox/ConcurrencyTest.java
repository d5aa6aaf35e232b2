package io.github.csmkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {
  @Test
  void manyConcurrentSubmitsAndRetriesCreateEachCustomerOnce() throws Exception {
    ManualClock clock = new ManualClock();
    try (CsmSandbox sandbox =
        CsmSandbox.builder().clock(clock).runsFor(Duration.ZERO).taskLimit(10_000).start()) {
      Http http = new Http(sandbox);
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
          int n = i % 100; // every body is sent twice with the same key
          results.add(
              pool.submit(
                  () ->
                      http.post(
                              "/api/v1/customer/bulk",
                              Http.q("{'customers':[{'email':'u" + n + "@example.com'}]}"),
                              "key-" + n)
                          .status));
        }
        int created = 0;
        for (Future<Integer> f : results) {
          int status = f.get();
          assertThat(status).isIn(200, 201);
          created += status == 201 ? 1 : 0;
        }
        assertThat(created).isEqualTo(100);
      } finally {
        pool.shutdownNow();
      }
      assertThat(sandbox.tasks()).hasSize(100);
      assertThat(sandbox.customers()).hasSize(100);
      assertThat(sandbox.creationCount("u7@example.com")).isEqualTo(1);
      assertThat(sandbox.requestCount(Endpoint.CUSTOMER_ACCOUNTS)).isEqualTo(200);
    }
  }
}
