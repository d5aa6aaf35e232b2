package io.github.csmkit.examples;

import io.github.csmkit.client.Credentials;
import io.github.csmkit.client.CsmClient;
import io.github.csmkit.client.RetryPolicy;
import io.github.csmkit.client.error.CsmValidationException;
import io.github.csmkit.client.error.RateLimitedException;
import io.github.csmkit.client.error.UnauthorizedException;
import io.github.csmkit.client.model.CustomerAccount;
import io.github.csmkit.client.model.CustomerAccountBatch;
import io.github.csmkit.client.model.CustomerProfile;
import io.github.csmkit.client.model.CustomerProfileBatch;
import io.github.csmkit.client.model.CustomerProfileOperation;
import io.github.csmkit.sandbox.Endpoint;
import io.github.csmkit.sandbox.Fault;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

/** The guide's troubleshooting: rules checked before sending, 401, and rate limits (429). */
public final class ErrorHandlingExample {
  public static void main(String[] args) {
    // 1. The batch rules are checked when the batch is built, before anything is sent.
    try {
      CustomerAccountBatch.of(
          IntStream.rangeClosed(1, 51)
              .mapToObj(i -> CustomerAccount.of("user" + i + "@example.com"))
              .toList());
    } catch (CsmValidationException e) {
      System.out.println("51 accounts refused: " + e.violations().get(0).message());
    }
    try {
      CustomerProfileBatch.of(
          List.of(
              CustomerProfileOperation.create(
                  CustomerProfile.builder().displayName("No Email").build())));
    } catch (CsmValidationException e) {
      System.out.println("CREATE without email refused: " + e.violations().get(0).message());
    }

    try (ExampleCsm target = ExampleCsm.connect()) {
      // 2. A wrong token: UnauthorizedException (401), never retried.
      try (CsmClient wrong =
          CsmClient.builder()
              .baseUri(target.csm.baseUri())
              .credentials(Credentials.bearer("not-the-token"))
              .build()) {
        wrong.customerDetailFields().list();
      } catch (UnauthorizedException e) {
        System.out.println("Wrong token: " + e.statusCode() + " " + e.getMessage());
      }

      // 3. Rate limits: the client waits Retry-After and retries with the same Idempotency-Key.
      target.sandbox.ifPresent(
          s ->
              s.faults()
                  .on(Endpoint.CUSTOMER_ACCOUNTS)
                  .next(
                      Fault.rateLimited(Duration.ofSeconds(1)),
                      Fault.rateLimited(Duration.ofSeconds(1))));
      var task =
          target
              .csm
              .customerAccounts()
              .submit(
                  CustomerAccountBatch.of(
                      List.of(CustomerAccount.of("patient@example.com", "Patient Customer"))));
      System.out.println(
          "Submitted after rate limiting: task " + target.csm.tasks().await(task).state());

      // ... or, with retries off, see the RateLimitedException and its Retry-After yourself.
      target.sandbox.ifPresent(
          s ->
              s.faults()
                  .on(Endpoint.CUSTOMER_ACCOUNTS)
                  .next(Fault.rateLimited(Duration.ofSeconds(2))));
      try (CsmClient noRetry =
          CsmClient.builder()
              .baseUri(target.csm.baseUri())
              .credentials(
                  Credentials.bearer(
                      target.sandbox.map(s -> s.token()).orElse(System.getenv("CSM_TOKEN"))))
              .retryPolicy(RetryPolicy.none())
              .build()) {
        noRetry
            .customerAccounts()
            .submit(CustomerAccountBatch.of(List.of(CustomerAccount.of("eager@example.com"))));
      } catch (RateLimitedException e) {
        System.out.println(
            "Rate limited (429): retry after "
                + e.retryAfter().map(Duration::toSeconds).orElse(-1L)
                + " s");
      }
    }
  }
}
