package io.github.csmkit.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.csmkit.client.Credentials;
import io.github.csmkit.client.CsmClient;
import io.github.csmkit.client.model.CustomerProfileBatch;
import io.github.csmkit.client.model.CustomerProfileOperation;
import io.github.csmkit.hubspot.mapping.HubSpotMapping;
import io.github.csmkit.hubspot.mapping.Mapper;
import io.github.csmkit.hubspot.source.HubSpotContact;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Benchmark 2 (JMH): the client's cost per record — map a HubSpot contact with the default mapping,
 * validate it, build and validate its batch, serialise the batch to the exact request bytes —
 * against the same JSON built by hand as a plain map tree and written by a bare Jackson {@link
 * ObjectMapper}. Each invocation handles one batch of 50; scores are per record.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(OverheadBenchmark.BATCH)
public class OverheadBenchmark {
  static final int BATCH = 50;
  private static final Map<String, String> LEAD_STATUS =
      Map.of(
          "NEW",
          "New",
          "OPEN",
          "Open",
          "IN_PROGRESS",
          "In Progress",
          "OPEN_DEAL",
          "Open Deal",
          "CONNECTED",
          "Connected");
  private static final Map<String, String> LIFECYCLE =
      Map.of(
          "lead",
          "Lead",
          "customer",
          "Customer",
          "subscriber",
          "Subscriber",
          "opportunity",
          "Opportunity");

  private List<HubSpotContact> contacts;
  private Mapper mapper;
  private CsmClient csm;
  private ObjectMapper json;
  private Map<String, Object> tree;

  /** Builds the inputs and checks that both sides write the very same bytes. */
  @Setup(Level.Trial)
  public void setUp() {
    contacts = Contacts.list(BATCH);
    mapper = Mapper.of(HubSpotMapping.defaults());
    // never contacted: requestBody only serialises
    csm =
        CsmClient.builder()
            .baseUri(URI.create("http://127.0.0.1:9"))
            .credentials(Credentials.bearer("x"))
            .build();
    json = new ObjectMapper();
    tree = handMapped();
    byte[] ours = csmkit();
    byte[] theirs = baseline();
    if (!Arrays.equals(ours, theirs)) {
      throw new IllegalStateException(
          "the baseline writes other JSON than the client:\n  client:   "
              + cut(ours)
              + "\n  baseline: "
              + cut(theirs));
    }
  }

  private static String cut(byte[] json) {
    String s = new String(json, StandardCharsets.UTF_8);
    return s.length() > 400 ? s.substring(0, 400) + "..." : s;
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    csm.close();
  }

  /** Map, validate, batch, serialise: what the engine does with each record before sending it. */
  @Benchmark
  public byte[] csmkit() {
    List<CustomerProfileOperation> ops = new ArrayList<>(BATCH);
    for (HubSpotContact c : contacts) {
      ops.add(mapper.map(c).operation().orElseThrow());
    }
    return csm.customerProfiles().requestBody(CustomerProfileBatch.of(ops));
  }

  /** The same JSON, mapped by hand into maps and lists, written by a bare ObjectMapper. */
  @Benchmark
  public byte[] baseline() {
    return write(handMapped());
  }

  /** Serialising an already built map tree alone: the floor, for reference. */
  @Benchmark
  public byte[] serialiseOnly() {
    return write(tree);
  }

  private byte[] write(Object value) {
    try {
      return json.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Map<String, Object> handMapped() {
    List<Object> profiles = new ArrayList<>(BATCH);
    for (HubSpotContact c : contacts) {
      Map<String, String> p = c.properties();
      List<Object> details = new ArrayList<>(4);
      detail(details, "Phone", p.get("phone"));
      detail(details, "Company", p.get("company"));
      detail(details, "support-tier", LEAD_STATUS.get(p.get("hs_lead_status")));
      detail(details, "lifecycle", LIFECYCLE.get(p.get("lifecyclestage")));
      Map<String, Object> payload = new LinkedHashMap<>();
      payload.put("email", p.get("email"));
      payload.put("displayName", p.get("firstname") + " " + p.get("lastname"));
      payload.put("details", details);
      Map<String, Object> op = new LinkedHashMap<>();
      op.put("operationType", "CREATE");
      op.put("payload", payload);
      profiles.add(op);
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("customerProfiles", profiles);
    return root;
  }

  private static void detail(List<Object> details, String name, String value) {
    if (value != null && !value.isEmpty()) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("name", name);
      d.put("values", List.of(value));
      details.add(d);
    }
  }
}
