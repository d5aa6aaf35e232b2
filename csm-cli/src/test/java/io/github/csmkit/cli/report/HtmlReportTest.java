package io.github.csmkit.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** report.html without a browser: what it may load, how it escapes, how it stays small. */
class HtmlReportTest {
  static ObjectNode doc(int failures, String record) {
    ObjectMapper m = new ObjectMapper();
    ObjectNode d = m.createObjectNode();
    d.put("schemaVersion", 1).put("jobId", "job <1>").put("startedAt", "2026-01-01T00:00:00Z");
    d.put("finishedAt", "2026-01-01T00:01:12Z");
    d.putObject("outcome").put("status", "failed").put("exitCode", 1);
    ObjectNode c = d.putObject("phases").putObject("customers");
    c.put("read", failures).put("imported", 0).put("rejected", failures).putArray("unattributed");
    ArrayNode f = c.putArray("failures");
    for (int i = 0; i < failures; i++) {
      f.addObject()
          .put("index", i)
          .put("stage", i % 2 == 0 ? "MAPPING" : "VALIDATION")
          .put("message", "bad " + i)
          .put("record", record);
    }
    d.putObject("verification").put("skipped", true);
    d.putObject("settings").put("target", "https://example.test").put("note", "<b>x</b>");
    return d;
  }

  @Test
  void loadsNothingAndEscapesWhatTheExportHeld() {
    String html =
        HtmlReport.render(
            doc(3, "<script>alert(1)</script><img src=x onerror=alert(2)>"), List.of());

    assertThat(html)
        .doesNotContain("<script>alert")
        .doesNotContain("<img")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("job &lt;1&gt;")
        .contains("&lt;b&gt;x&lt;/b&gt;")
        .contains("1m 12s");
    // no attribute that fetches anything; the only script and style are the ones the CSP pins
    assertThat(html).doesNotContainPattern("<[^>]*\\s(src|href)=");
    assertThat(html).contains("default-src 'none'");
    assertThat(count(html, "<script>")).isEqualTo(1);
    assertThat(count(html, "<style>")).isEqualTo(1);
    Matcher script = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(html);
    assertThat(script.find()).isTrue();
    assertThat(html).contains("script-src '" + HtmlReport.sha256(script.group(1)) + "'");
  }

  @Test
  void aHundredThousandFailuresStayATableOfAThousandRowsWithTotals() {
    String html = HtmlReport.render(doc(100_000, "contact x"), List.of());

    assertThat(count(html, "<tr><td>customers</td><td class=\"n\">")).isEqualTo(1000);
    assertThat(html)
        .contains("data-count=\"deadLetters.total\">100,000<")
        .contains("data-count=\"failures.total\">100,000<")
        .contains("The first 1,000 of");
    assertThat(html.length()).isLessThan(400_000);
  }

  @Test
  void aRunAnErrorEndedSaysWhereWhyAndWhatWasNotReached() {
    ObjectNode d = doc(0, "x");
    d.putObject("failure")
        .put("phase", "organizations")
        .put("error", "CsmServerException")
        .put("message", "CSM answered 503 <Service Unavailable>")
        .put("interrupted", false);
    d.putArray("phasesNotReached").add("customers");

    String html = HtmlReport.render(d, List.of());

    assertThat(html)
        .contains(
            "id=\"failure\"><b>Ended by an error</b> in the organizations phase"
                + " (CsmServerException): CSM answered 503 &lt;Service Unavailable&gt;")
        .contains("id=\"not-reached\"><b>Not reached:</b> customers (nothing of them");
    assertThat(HtmlReport.render(doc(0, "x"), List.of()))
        .doesNotContain("id=\"failure\"")
        .doesNotContain("id=\"not-reached\"")
        .doesNotContain("Against the sync state")
        .doesNotContain("Read from HubSpot");
  }

  @Test
  void durationsReadAsPeopleSayThem() {
    assertThat(Durations.human(Duration.ofMillis(850))).isEqualTo("850 ms");
    assertThat(Durations.human(Duration.ofMillis(4200))).isEqualTo("4.2 s");
    assertThat(Durations.human(Duration.ofSeconds(72))).isEqualTo("1m 12s");
    assertThat(Durations.human(Duration.ofSeconds(7500))).isEqualTo("2h 05m");
  }

  static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }
}
