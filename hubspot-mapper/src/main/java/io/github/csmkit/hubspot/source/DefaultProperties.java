package io.github.csmkit.hubspot.source;

import static io.github.csmkit.hubspot.source.PropertyDefinition.enumeration;
import static io.github.csmkit.hubspot.source.PropertyDefinition.text;

import java.util.List;

/** HubSpot's default contact and company properties (labels as in UI exports and the API). */
final class DefaultProperties {
  private DefaultProperties() {}

  static final PropertyDefinition LIFECYCLE =
      enumeration(
          "lifecyclestage", "Lifecycle Stage",
          "subscriber", "Subscriber",
          "lead", "Lead",
          "marketingqualifiedlead", "Marketing Qualified Lead",
          "salesqualifiedlead", "Sales Qualified Lead",
          "opportunity", "Opportunity",
          "customer", "Customer",
          "evangelist", "Evangelist",
          "other", "Other");

  static final PropertyDefinition LEAD_STATUS =
      enumeration(
          "hs_lead_status", "Lead Status",
          "NEW", "New",
          "OPEN", "Open",
          "IN_PROGRESS", "In Progress",
          "OPEN_DEAL", "Open Deal",
          "UNQUALIFIED", "Unqualified",
          "ATTEMPTED_TO_CONTACT", "Attempted to Contact",
          "CONNECTED", "Connected",
          "BAD_TIMING", "Bad Timing");

  private static PropertyDefinition number(String name, String label) {
    return new PropertyDefinition(name, label, "number", "number", List.of());
  }

  private static PropertyDefinition datetime(String name, String label) {
    return new PropertyDefinition(name, label, "datetime", "date", List.of());
  }

  static final PropertyCatalog CONTACTS =
      PropertyCatalog.of(
          List.of(
              number("hs_object_id", "Record ID"),
              text("email", "Email"),
              text("firstname", "First Name"),
              text("lastname", "Last Name"),
              text("phone", "Phone Number"),
              text("mobilephone", "Mobile Phone Number"),
              text("fax", "Fax Number"),
              text("company", "Company Name"),
              text("jobtitle", "Job Title"),
              text("website", "Website URL"),
              text("address", "Street Address"),
              text("city", "City"),
              text("state", "State/Region"),
              text("zip", "Postal Code"),
              text("country", "Country/Region"),
              LIFECYCLE,
              LEAD_STATUS,
              text("hubspot_owner_id", "Contact owner"),
              number("associatedcompanyid", "Primary Associated Company ID"),
              datetime("createdate", "Create Date"),
              datetime("lastmodifieddate", "Last Modified Date"),
              text("industry", "Industry"),
              enumeration(
                  "numemployees",
                  "Number of Employees",
                  "1-5",
                  "1-5",
                  "5-25",
                  "5-25",
                  "25-50",
                  "25-50",
                  "50-100",
                  "50-100",
                  "100-500",
                  "100-500",
                  "500-1000",
                  "500-1000",
                  "1000+",
                  "1000+"),
              text("annualrevenue", "Annual Revenue"),
              new PropertyDefinition(
                  "hs_merged_object_ids",
                  "Merged Contact IDs",
                  "enumeration",
                  "checkbox",
                  List.of())));

  static final PropertyCatalog COMPANIES =
      PropertyCatalog.of(
          List.of(
              number("hs_object_id", "Record ID"),
              text("name", "Company name"),
              text("domain", "Company Domain Name"),
              // 148 options; load the portal's catalog to translate industry labels
              new PropertyDefinition("industry", "Industry", "enumeration", "select", List.of()),
              number("numberofemployees", "Number of Employees"),
              number("annualrevenue", "Annual Revenue"),
              text("phone", "Phone Number"),
              text("address", "Street Address"),
              text("address2", "Street Address 2"),
              text("city", "City"),
              text("state", "State/Region"),
              text("zip", "Postal Code"),
              text("country", "Country/Region"),
              text("website", "Website URL"),
              text("description", "Description"),
              enumeration(
                  "type", "Type",
                  "PROSPECT", "Prospect",
                  "PARTNER", "Partner",
                  "RESELLER", "Reseller",
                  "VENDOR", "Vendor",
                  "OTHER", "Other"),
              LIFECYCLE,
              LEAD_STATUS,
              text("hubspot_owner_id", "Company owner"),
              datetime("createdate", "Create Date"),
              datetime("hs_lastmodifieddate", "Last Modified Date"),
              text("founded_year", "Year Founded"),
              text("timezone", "Time Zone"),
              text("linkedin_company_page", "LinkedIn Company Page"),
              new PropertyDefinition(
                  "is_public", "Is Public", "bool", "booleancheckbox", List.of()),
              number("hs_parent_company_id", "Parent Company"),
              number("num_associated_contacts", "Number of Associated Contacts")));
}
