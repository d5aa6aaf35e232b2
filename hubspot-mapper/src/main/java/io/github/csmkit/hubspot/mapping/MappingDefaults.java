package io.github.csmkit.hubspot.mapping;

import io.github.csmkit.client.model.DetailFieldType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The migration guide's default tables: its option lists and its mapping. */
final class MappingDefaults {
  private MappingDefaults() {}

  /** The lead-status options, in HubSpot's order, as labels: the default "support-tier" options. */
  static final Map<String, String> LEAD_STATUS = new LinkedHashMap<>();

  /** The lifecycle stages, value → label. */
  static final Map<String, String> LIFECYCLE = new LinkedHashMap<>();

  static {
    LEAD_STATUS.put("NEW", "New");
    LEAD_STATUS.put("OPEN", "Open");
    LEAD_STATUS.put("IN_PROGRESS", "In Progress");
    LEAD_STATUS.put("OPEN_DEAL", "Open Deal");
    LEAD_STATUS.put("UNQUALIFIED", "Unqualified");
    LEAD_STATUS.put("ATTEMPTED_TO_CONTACT", "Attempted to Contact");
    LEAD_STATUS.put("CONNECTED", "Connected");
    LEAD_STATUS.put("BAD_TIMING", "Bad Timing");
    LIFECYCLE.put("subscriber", "Subscriber");
    LIFECYCLE.put("lead", "Lead");
    LIFECYCLE.put("marketingqualifiedlead", "Marketing Qualified Lead");
    LIFECYCLE.put("salesqualifiedlead", "Sales Qualified Lead");
    LIFECYCLE.put("opportunity", "Opportunity");
    LIFECYCLE.put("customer", "Customer");
    LIFECYCLE.put("evangelist", "Evangelist");
    LIFECYCLE.put("other", "Other");
  }

  /** The guide's mapping: {@link HubSpotMapping#defaults()}. */
  static final HubSpotMapping MAPPING =
      HubSpotMapping.builder()
          .addCustomerField(PropertyMapping.text("phone", "Phone"))
          .addCustomerField(PropertyMapping.text("company", "Company"))
          .addCustomerField(
              PropertyMapping.builder("hs_lead_status", "support-tier")
                  .type(DetailFieldType.select(List.copyOf(LEAD_STATUS.values())))
                  .values(LEAD_STATUS)
                  .build())
          .addCustomerField(
              PropertyMapping.builder("lifecyclestage", "lifecycle")
                  .values(LIFECYCLE)
                  .labels(true)
                  .build())
          .addOrganizationField(
              PropertyMapping.builder("industry", "Industry").labels(true).build())
          .addOrganizationField(PropertyMapping.text("website", "Website"))
          .addOrganizationField(
              PropertyMapping.builder("numberofemployees", "Employee Count")
                  .type(DetailFieldType.number())
                  .build())
          .build();
}
