package io.github.csmkit.client.bulk;

import io.github.csmkit.client.DetailFields;
import io.github.csmkit.client.bulk.ImportReport.Counts;
import io.github.csmkit.client.bulk.ImportReport.RecordFailure;
import io.github.csmkit.client.bulk.ImportReport.Stage;
import io.github.csmkit.client.error.CsmServiceException;
import io.github.csmkit.client.error.NotFoundException;
import io.github.csmkit.client.error.TransportException;
import io.github.csmkit.client.error.Violation;
import io.github.csmkit.client.model.DetailFieldDefinition;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Creates detail fields one request each ({@link DetailFields#create}), for a site whose bulk
 * definitions endpoint answers 404 (the older API version), and accounts for every field in an
 * {@link ImportReport} as the bulk engine would: created, refused by the server ({@code SERVER}),
 * broken locally ({@code VALIDATION}), unknown ({@code UNRESOLVED}: the answer was lost), or not
 * sent because the run stopped ({@code NOT_SUBMITTED}). A 404 on the single-field endpoint too, or
 * refused credentials, stop the run with a reason that names the endpoint.
 */
public final class SingleFieldImporter {
  private SingleFieldImporter() {}

  /**
   * True when {@code report} stopped because its bulk endpoint answered 404: the site may lack it,
   * and {@link #run} is the fallback.
   *
   * @param report a finished import's report
   * @return whether the import stopped on a 404 of its endpoint
   */
  public static boolean endpointMissing(ImportReport<?> report) {
    return report.stopReason().filter(Failures.NOT_FOUND::equals).isPresent();
  }

  /**
   * Creates each field with its own request, in order; never throws for a field's failure.
   *
   * @param fields the customer or organization detail fields of a client
   * @param jobId the report's job id
   * @param definitions the fields to create
   * @return the report: each field in exactly one place
   */
  public static ImportReport<DetailFieldDefinition> run(
      DetailFields fields, String jobId, List<DetailFieldDefinition> definitions) {
    Objects.requireNonNull(fields, "fields");
    Instant startedAt = Instant.now(Clock.systemUTC());
    List<RecordFailure<DetailFieldDefinition>> failures = new ArrayList<>();
    long rejected = 0;
    long submitted = 0;
    long failed = 0;
    long unresolved = 0;
    String stop = null;
    for (int i = 0; i < definitions.size(); i++) {
      DetailFieldDefinition d = definitions.get(i);
      if (stop != null) {
        failures.add(failure(i, d, Stage.NOT_SUBMITTED, null, "not sent: " + stop));
        continue;
      }
      List<Violation> broken = d.violations();
      if (!broken.isEmpty()) {
        rejected++;
        failures.add(
            failure(i, d, Stage.VALIDATION, broken.get(0).rule().name(), Admission.join(broken)));
        continue;
      }
      submitted++;
      try {
        fields.create(d);
      } catch (TransportException e) { // it may have been created: a rerun lists it
        unresolved++;
        failures.add(failure(i, d, Stage.UNRESOLVED, null, Failures.submitEnd(e).message()));
      } catch (NotFoundException e) {
        failed++;
        stop =
            "this site has neither POST "
                + fields.path()
                + " nor POST "
                + fields.singlePath()
                + " (both answered 404): create the detail fields in CSM's settings by hand, then"
                + " rerun (fields that exist are left alone)";
        failures.add(failure(i, d, Stage.SUBMIT, null, stop));
      } catch (CsmServiceException e) {
        failed++;
        Optional<String> fatal = Failures.fatal(e, false, fields.singlePath());
        if (fatal.isPresent()) {
          stop = fatal.get();
        }
        failures.add(failure(i, d, Stage.SERVER, null, Failures.describe(e)));
      }
    }
    long notSubmitted = definitions.size() - rejected - submitted;
    Counts counts =
        new Counts(
            definitions.size(),
            rejected,
            0,
            notSubmitted,
            submitted,
            submitted - failed - unresolved,
            failed,
            unresolved,
            0);
    return new ImportReport<>(
        jobId,
        "detail fields, one at a time",
        counts,
        failures,
        List.of(),
        List.of(),
        startedAt,
        Instant.now(Clock.systemUTC()),
        Optional.ofNullable(stop));
  }

  private static RecordFailure<DetailFieldDefinition> failure(
      int index, DetailFieldDefinition d, Stage stage, @Nullable String rule, String message) {
    return new RecordFailure<>(
        index, d, stage, Optional.ofNullable(rule), message, Optional.empty(), Optional.empty());
  }
}
