package io.github.csmkit.hubspot.migration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.csmkit.client.bulk.ImportReport;
import io.github.csmkit.client.model.DetailFieldDefinition;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Function;

/** A {@link MigrationReport} as the JSON document {@link MigrationReport#writeJson} writes. */
final class ReportJson {
  private ReportJson() {}

  static void write(MigrationReport report, Path file) {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = json.createObjectNode();
    root.put("jobId", report.jobId())
        .put("startedAt", report.startedAt().toString())
        .put("finishedAt", report.finishedAt().toString())
        .put("complete", report.complete())
        .put("failureRate", report.failureRate());
    report.stopReason().ifPresent(r -> root.put("stopReason", r));
    report.notes().forEach(root.putArray("notes")::add);
    report
        .failure()
        .ifPresent(
            f ->
                root.putObject("failure")
                    .put("phase", MigrationFailure.name(f.phase()))
                    .put("error", f.cause().getClass().getSimpleName())
                    .put("message", f.message())
                    .put("interrupted", f.interrupted()));
    ArrayNode notReached = root.putArray("phasesNotReached");
    report.phasesNotReached().forEach(p -> notReached.add(MigrationFailure.name(p)));
    ObjectNode phases = root.putObject("phases");
    report
        .customerFields()
        .ifPresent(
            r -> phase(phases.putObject("customerDetailFields"), r, DetailFieldDefinition::name));
    report
        .organizationFields()
        .ifPresent(
            r ->
                phase(
                    phases.putObject("organizationDetailFields"), r, DetailFieldDefinition::name));
    report
        .organizations()
        .ifPresent(
            r ->
                phase(phases.putObject("organizations"), r, MigrationReport::describe)
                    .put("alreadyPresent", report.organizationsAlreadyPresent())
                    .put("excluded", report.companiesExcluded()));
    report
        .customers()
        .ifPresent(
            r ->
                phase(phases.putObject("customers"), r, MigrationReport::describe)
                    .put("excluded", report.contactsExcluded())
                    .put("unknownOrganizationReferences", report.unknownOrganizationReferences())
                    .put("readToEnd", report.contactsReadToEnd())
                    .put("readUpTo", report.contactsReadUpTo().map(String::valueOf).orElse(null)));
    ObjectNode w = root.putObject("mappingWarnings");
    w.put("count", report.mappingWarningCount());
    report.mappingWarnings().forEach(w.putArray("examples")::add);
    Verification verification = report.verification();
    ObjectNode v = root.putObject("verification");
    v.put("passed", verification.passed()).put("customersChecked", verification.customersChecked());
    verification.problems().forEach(v.putArray("problems")::add);
    verification.organizationsMissing().forEach(v.putArray("organizationsMissing")::add);
    report.sync().ifPresent(x -> x.writeJson(root.putObject("sync")));
    try (OutputStream out = OwnerOnlyFile.open(file)) {
      json.writeValue(out, root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report to " + file, e);
    }
  }

  private static <R> ObjectNode phase(
      ObjectNode n, ImportReport<R> r, Function<? super R, String> describe) {
    ImportReport.Counts c = r.counts();
    n.put("read", c.read())
        .put("imported", c.succeeded())
        .put("failed", c.failed())
        .put("rejected", c.rejected())
        .put("duplicates", c.duplicates())
        .put("unresolved", c.unresolved())
        .put("notSubmitted", c.notSubmitted())
        .put("unattributed", c.unattributed())
        .put("batches", r.batches().size())
        .put("elapsedMillis", r.elapsed().toMillis());
    r.stopReason().ifPresent(s -> n.put("stopReason", s));
    ArrayNode failures = n.putArray("failures");
    for (ImportReport.RecordFailure<R> f : r.failures()) {
      ObjectNode o = failures.addObject().put("index", f.index()).put("stage", f.stage().name());
      f.rule().ifPresent(x -> o.put("rule", x));
      o.put("message", f.message());
      f.batch().ifPresent(x -> o.put("batch", x));
      f.taskId().ifPresent(x -> o.put("taskId", x));
      o.put("record", describe.apply(f.record()));
    }
    ArrayNode unattributed = n.putArray("unattributed");
    for (ImportReport.Unattributed u : r.unattributed()) {
      ObjectNode o =
          unattributed
              .addObject()
              .put("batch", u.batch())
              .put("taskId", u.taskId())
              .put("message", u.failure().message());
      u.failure().entityId().ifPresent(x -> o.put("entityId", x));
    }
    return n;
  }
}
