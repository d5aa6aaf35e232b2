package io.github.csmkit.hubspot.migration;

import io.github.csmkit.client.CsmClient;
import io.github.csmkit.client.DetailFields;
import io.github.csmkit.client.bulk.BulkTarget;
import io.github.csmkit.client.bulk.ImportReport;
import io.github.csmkit.client.bulk.SingleFieldImporter;
import io.github.csmkit.client.model.DetailFieldDefinition;
import io.github.csmkit.hubspot.mapping.HubSpotMapping;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The first phase: creates the customer and organization detail fields the mapping needs that CSM
 * lacks. A field CSM has under the same name, ignoring case, is left alone, so a rerun sends
 * nothing. On a site without the bulk definitions endpoint (it answers 404: the older API version),
 * each field is created with its own request instead, and the report says so.
 */
final class DetailFieldsPhase {
  /**
   * What the phase did.
   *
   * @param customerFields the import of the missing customer fields
   * @param organizationFields the import of the missing organization fields
   * @param notes what the report should say about how it was done (the single-field fallback)
   */
  record Result(
      ImportReport<DetailFieldDefinition> customerFields,
      ImportReport<DetailFieldDefinition> organizationFields,
      List<String> notes) {}

  private final CsmClient csm;
  private final PhaseImporters importers;
  private final HubSpotMapping mapping;
  private final List<String> notes = new ArrayList<>();
  private boolean bulkMissing;
  private ImportReport<DetailFieldDefinition> customerFields;

  DetailFieldsPhase(CsmClient csm, PhaseImporters importers, HubSpotMapping mapping) {
    this.csm = csm;
    this.importers = importers;
    this.mapping = mapping;
  }

  /** Lists CSM's fields and creates the missing ones, customers' first. */
  Result run() {
    ImportReport<DetailFieldDefinition> customer =
        create(
            BulkTarget.CUSTOMER_DETAIL_FIELDS,
            csm.customerDetailFields(),
            missing(mapping.customerFieldDefinitions(), csm.customerDetailFields().list()),
            "customer-fields");
    customerFields = customer;
    ImportReport<DetailFieldDefinition> organization =
        create(
            BulkTarget.ORGANIZATION_DETAIL_FIELDS,
            csm.organizationDetailFields(),
            missing(mapping.organizationFieldDefinitions(), csm.organizationDetailFields().list()),
            "organization-fields");
    return new Result(customer, organization, List.copyOf(notes));
  }

  /** The customer fields' import once it ended, for a report of a phase that failed after it. */
  java.util.Optional<ImportReport<DetailFieldDefinition>> customerFields() {
    return java.util.Optional.ofNullable(customerFields);
  }

  private ImportReport<DetailFieldDefinition> create(
      BulkTarget<DetailFieldDefinition, ?> target,
      DetailFields endpoint,
      List<DetailFieldDefinition> fields,
      String phase) {
    if (!bulkMissing) {
      ImportReport<DetailFieldDefinition> bulk =
          importers.importer(target, phase).build().run(fields);
      // a 404 here means this site's API version lacks the bulk endpoint: the base URL served the
      // list a moment ago. The bulk run sent nothing that took, so the fallback accounts for all.
      if (!SingleFieldImporter.endpointMissing(bulk)) {
        return bulk;
      }
      bulkMissing = true;
    }
    notes.add(
        "this site has no POST "
            + endpoint.path()
            + " (404): "
            + fields.size()
            + " fields sent one at a time with POST "
            + endpoint.singlePath());
    return SingleFieldImporter.run(endpoint, importers.jobId(phase), fields);
  }

  /** The fields of {@code wanted} whose name, ignoring case, none of {@code existing} has. */
  static List<DetailFieldDefinition> missing(
      List<DetailFieldDefinition> wanted, List<DetailFieldDefinition> existing) {
    Set<String> have = new HashSet<>();
    existing.forEach(d -> have.add(d.name().toLowerCase(Locale.ROOT)));
    return wanted.stream().filter(d -> !have.contains(d.name().toLowerCase(Locale.ROOT))).toList();
  }
}
