package io.github.csmkit.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csmkit.client.error.CsmException;
import io.github.csmkit.client.error.Violation;
import io.github.csmkit.client.internal.WireFormat;
import io.github.csmkit.client.model.CustomerProfile;
import io.github.csmkit.client.model.CustomerProfileOperation;
import io.github.csmkit.client.model.IdempotencyKey;
import io.github.csmkit.client.model.TaskStatus;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.net.ServerSocketFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import okio.Buffer;

/**
 * Hostile API responses (wrong types, missing fields, garbage and huge bodies) and hostile emails:
 * a reader returns a value or throws its documented {@link WireFormat.WireException}; a client call
 * fails with a {@link CsmException}, never anything else and never hanging; the email rule never
 * throws and flags what the guide's pattern (with Unicode spaces) refuses.
 */
class HostileResponsePropertiesTest {
  private static final int MAX_RESPONSE_BYTES = 16 * 1024;
  private static final String[] KEYS = {
    "id",
    "taskId",
    "status",
    "type",
    "failures",
    "results",
    "name",
    "options",
    "value",
    "details",
    "organizations",
    "values",
    "index",
    "message",
    "error",
    "errorMessages",
    "createdAt",
    "updatedAt",
    "completedDate",
    "statusUrl",
    "email",
    "displayName",
    "operatedOnIds",
    "entityId",
    "organizationId"
  };

  /** A random JSON document built from the keys the readers look for, with values of any type. */
  static String randomJson(Random r, int depth) {
    int kind = r.nextInt(depth <= 0 ? 6 : 9);
    return switch (kind) {
      case 0 -> "null";
      case 1 -> r.nextBoolean() ? "true" : "false";
      case 2 -> String.valueOf(r.nextInt(5) == 0 ? r.nextLong() : r.nextInt(100) - 10);
      case 3 -> r.nextBoolean() ? "1.5e" + r.nextInt(400) : "-0.0";
      case 4 ->
          "\""
              + List.of(
                      "",
                      " ",
                      "1",
                      "FINISHED",
                      "2024-01-01T00:00:00Z",
                      "999999999999999",
                      "x\\u0000y",
                      "\\ud800")
                  .get(r.nextInt(8))
              + "\"";
      case 5 -> "\"" + "s".repeat(r.nextInt(20)) + "\"";
      case 6, 7 -> {
        StringBuilder b = new StringBuilder("{");
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
          b.append(i == 0 ? "" : ",")
              .append('"')
              .append(KEYS[r.nextInt(KEYS.length)])
              .append("\":")
              .append(randomJson(r, depth - 1));
        }
        yield b.append('}').toString();
      }
      default -> {
        StringBuilder b = new StringBuilder("[");
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
          b.append(i == 0 ? "" : ",").append(randomJson(r, depth - 1));
        }
        yield b.append(']').toString();
      }
    };
  }

  @Provide
  Arbitrary<byte[]> bodies() {
    Arbitrary<byte[]> structured =
        Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(0, 5))
            .as(
                (seed, depth) ->
                    randomJson(new Random(seed), depth).getBytes(StandardCharsets.UTF_8));
    Arbitrary<byte[]> truncated =
        Combinators.combine(structured, Arbitraries.doubles().between(0, 1))
            .as((b, f) -> java.util.Arrays.copyOf(b, (int) (b.length * f)));
    Arbitrary<byte[]> deep =
        Arbitraries.integers()
            .between(1, 3000)
            .map(
                d ->
                    ("{\"id\":\"1\",\"failures\":" + "[".repeat(d) + "]".repeat(d) + "}")
                        .getBytes(StandardCharsets.UTF_8));
    Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
    return Arbitraries.frequencyOf(
        Tuple.of(5, structured), Tuple.of(2, truncated), Tuple.of(1, deep), Tuple.of(1, bytes));
  }

  private static void readsOrThrowsWireException(Function<byte[], ?> reader, byte[] body) {
    try {
      assertThat(reader.apply(body)).isNotNull();
    } catch (WireFormat.WireException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  @Property(tries = 1000)
  void everyReaderReturnsOrThrowsItsDocumentedException(@ForAll("bodies") byte[] body) {
    readsOrThrowsWireException(b -> WireFormat.readSubmitted(b, IdempotencyKey.of("k-1")), body);
    readsOrThrowsWireException(WireFormat::readTask, body);
    readsOrThrowsWireException(WireFormat::readDefinitions, body);
    readsOrThrowsWireException(WireFormat::readOrganizations, body);
    readsOrThrowsWireException(WireFormat::readCustomers, body);
    WireFormat.errorMessage(body); // never throws
  }

  // ---------------------------------------------------------------- through a real client

  private static MockWebServer server;
  private static CsmClient client;
  private static volatile MockResponse answer;

  @BeforeContainer
  static void start() throws Exception {
    server = new MockWebServer();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return answer;
          }
        });
    // Nagle on the server's sockets and the client's delayed ACKs cost ~40 ms a response
    server.setServerSocketFactory(
        new ServerSocketFactory() {
          @Override
          public ServerSocket createServerSocket() throws IOException {
            return new ServerSocket() {
              @Override
              public Socket accept() throws IOException {
                Socket s = super.accept();
                s.setTcpNoDelay(true);
                return s;
              }
            };
          }

          @Override
          public ServerSocket createServerSocket(int port) throws IOException {
            throw new UnsupportedOperationException();
          }

          @Override
          public ServerSocket createServerSocket(int port, int backlog) throws IOException {
            throw new UnsupportedOperationException();
          }

          @Override
          public ServerSocket createServerSocket(int port, int backlog, InetAddress address)
              throws IOException {
            throw new UnsupportedOperationException();
          }
        });
    server.start();
    client =
        ClientTestSupport.client(server, new FakeTime())
            .retryPolicy(RetryPolicy.builder().jitter(0).maxAttempts(2).build())
            .maxResponseBytes(MAX_RESPONSE_BYTES)
            .build();
  }

  @AfterContainer
  static void stop() throws Exception {
    client.close();
    server.close();
  }

  /**
   * The task read from an answer with this code and body, or the {@link CsmException} it failed
   * with.
   */
  private static Object getTaskFailsOnlyWithACsmException(int code, byte[] body) throws Exception {
    answer =
        new MockResponse.Builder()
            .code(code)
            .addHeader("Content-Type", "application/json")
            .body(new Buffer().write(body))
            .build();
    try {
      TaskStatus task = client.tasks().getAsync("t-1").get(20, TimeUnit.SECONDS);
      assertThat(task).isNotNull();
      return task;
    } catch (ExecutionException | CompletionException e) {
      assertThat(e.getCause()).as("%s", e.getCause()).isInstanceOf(CsmException.class);
      assertThat(e.getCause().getMessage()).isNotBlank();
      return e.getCause();
    } catch (TimeoutException e) {
      throw new AssertionError("tasks().get hung on a " + body.length + "-byte body", e);
    }
  }

  @Property(tries = 1000)
  void aTaskReadFromAnyBodyIsAValueOrACsmException(
      @ForAll("bodies") byte[] body, @ForAll("codes") int code) throws Exception {
    getTaskFailsOnlyWithACsmException(code, body);
  }

  @Provide
  Arbitrary<Integer> codes() {
    return Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.just(200)),
        Tuple.of(1, Arbitraries.of(201, 204, 301, 400, 401, 403, 404, 409, 412, 418, 500, 503)));
  }

  @Property(tries = 1000)
  void bodiesAroundTheSizeLimitAreReadOrRefused(
      @ForAll @IntRange(min = MAX_RESPONSE_BYTES - 64, max = 3 * MAX_RESPONSE_BYTES) int size)
      throws Exception {
    String prefix = "{\"id\":\"t-1\",\"status\":\"FINISHED\",\"pad\":\"";
    String body = prefix + "p".repeat(Math.max(0, size - prefix.length() - 2)) + "\"}";
    Object outcome = getTaskFailsOnlyWithACsmException(200, body.getBytes(StandardCharsets.UTF_8));
    if (body.length() <= MAX_RESPONSE_BYTES) {
      assertThat(outcome).isInstanceOf(TaskStatus.class);
    } else {
      assertThat(outcome).isInstanceOf(CsmException.class);
      assertThat(((Throwable) outcome).getMessage()).contains("larger than " + MAX_RESPONSE_BYTES);
    }
  }

  @Example
  void aHugeBodyIsRefusedNotRead() throws Exception {
    byte[] huge = new byte[8 * 1024 * 1024];
    java.util.Arrays.fill(huge, (byte) '[');
    Object outcome = getTaskFailsOnlyWithACsmException(200, huge);
    assertThat(outcome).isInstanceOf(CsmException.class);
    assertThat(((Throwable) outcome).getMessage()).contains("larger than " + MAX_RESPONSE_BYTES);
  }

  // ---------------------------------------------------------------- the email rule

  static final Pattern GUIDE_EMAIL_UNICODE =
      Pattern.compile("^[^\\s\\p{Z}\\uFEFF@]+@[^\\s\\p{Z}\\uFEFF@]+\\.[^\\s\\p{Z}\\uFEFF@]+$");

  @Provide
  Arbitrary<String> emails() {
    Arbitrary<String> part =
        Arbitraries.oneOf(
            Arbitraries.strings()
                .alpha()
                .numeric()
                .withChars('.', '-', '+', '_')
                .ofMinLength(1)
                .ofMaxLength(10),
            Arbitraries.of("é", "ü", "中文", "\uD83D\uDE00", "Ω", "ß"),
            Arbitraries.of(
                " ", "\t", "\u00A0", "\u2003", "\u3000", "\u202F", "\u2028", "\u2029", "\uFEFF",
                "\u1680", "\n", "\u205F"),
            Arbitraries.of("@", ".", "@@", ".."),
            Arbitraries.strings().ofMaxLength(3));
    Arbitrary<String> composed = part.list().ofMaxSize(12).map(l -> String.join("", l));
    Arbitrary<String> shaped =
        Combinators.combine(composed, composed, composed).as((a, b, c) -> a + "@" + b + "." + c);
    Arbitrary<String> long_ =
        Combinators.combine(
                Arbitraries.integers().between(1000, 6000), Arbitraries.of("", " ", "\u00A0", "@"))
            .as((n, bad) -> "a".repeat(n) + bad + "@example.com");
    return Arbitraries.frequencyOf(Tuple.of(3, shaped), Tuple.of(2, composed), Tuple.of(1, long_));
  }

  @Property(tries = 1000)
  void theEmailRuleFlagsWhatTheGuidesPatternRefuses(@ForAll("emails") String email) {
    List<Violation> violations =
        CustomerProfileOperation.create(CustomerProfile.builder().email(email).build())
            .violations();
    boolean flagged = violations.stream().anyMatch(v -> v.field().equals("payload.email"));
    assertThat(flagged).as("'%s'", email).isEqualTo(!GUIDE_EMAIL_UNICODE.matcher(email).matches());
  }
}
