package io.github.csmkit.hubspot.migration;

import io.github.csmkit.client.CsmClient;
import io.github.csmkit.client.bulk.BulkTarget;
import io.github.csmkit.client.bulk.ImportReport;
import io.github.csmkit.client.model.DetailFieldDefinition;
import io.github.csmkit.hubspot.mapping.HubSpotMapping;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The first phase: creates the customer and organization detail fields the mapping needs that CSM
 * lacks. A field CSM has under the same name, ignoring case, is left alone, so a rerun sends
 * nothing.
 */
final class DetailFieldsPhase {
  /**
   * What the phase did.
   *
   * @param customerFields the import of the missing customer fields
   * @param organizationFields the import of the missing organization fields
   */
  record Result(
      ImportReport<DetailFieldDefinition> customerFields,
      ImportReport<DetailFieldDefinition> organizationFields) {}

  private final CsmClient csm;
  private final PhaseImporters importers;
  private final HubSpotMapping mapping;
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
            missing(mapping.customerFieldDefinitions(), csm.customerDetailFields().list()),
            "customer-fields");
    customerFields = customer;
    ImportReport<DetailFieldDefinition> organization =
        create(
            BulkTarget.ORGANIZATION_DETAIL_FIELDS,
            missing(mapping.organizationFieldDefinitions(), csm.organizationDetailFields().list()),
            "organization-fields");
    return new Result(customer, organization);
  }

  /** The customer fields' import once it ended, for a report of a phase that failed after it. */
  java.util.Optional<ImportReport<DetailFieldDefinition>> customerFields() {
    return java.util.Optional.ofNullable(customerFields);
  }

  private ImportReport<DetailFieldDefinition> create(
      BulkTarget<DetailFieldDefinition, ?> target,
      List<DetailFieldDefinition> fields,
      String phase) {
    return importers.importer(target, phase).build().run(fields);
  }

  /** The fields of {@code wanted} whose name, ignoring case, none of {@code existing} has. */
  static List<DetailFieldDefinition> missing(
      List<DetailFieldDefinition> wanted, List<DetailFieldDefinition> existing) {
    Set<String> have = new HashSet<>();
    existing.forEach(d -> have.add(d.name().toLowerCase(Locale.ROOT)));
    return wanted.stream().filter(d -> !have.contains(d.name().toLowerCase(Locale.ROOT))).toList();
  }
}
