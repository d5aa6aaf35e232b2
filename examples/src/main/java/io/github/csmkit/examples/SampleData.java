package io.github.csmkit.examples;

import io.github.csmkit.hubspot.source.CsvExportSource;
import io.github.csmkit.hubspot.source.HubSpotCompany;
import io.github.csmkit.hubspot.source.HubSpotContact;
import io.github.csmkit.hubspot.source.PropertyCatalog;
import java.io.StringReader;

/**
 * A small HubSpot UI export (label headers, as the UI writes them) that the migration examples
 * read.
 */
final class SampleData {
  static final String COMPANIES =
      """
      "Record ID","Company name","Company Domain Name","Industry","Number of Employees","Website URL"
      "101","Acme Corporation","acme.example.com","Manufacturing","500","https://acme.example.com"
      "102","Tech Innovators","techinnovators.example.com","Software","150","https://techinnovators.example.com"
      """;

  // label headers, and internal names for custom properties (renewal_date) the default catalog does
  // not know
  static final String CONTACTS =
      """
      "Record ID","First Name","Last Name","Email","Phone Number","Company Name","Lifecycle Stage","Lead Status","Associated Company IDs","renewal_date"
      "1","John","Doe","john.doe@example.com","+1-555-0123","Acme Corporation","Customer","Connected","101","2026-12-31"
      "2","Jane","Smith","jane.smith@example.com","+1-555-0124","Tech Innovators","Customer","Open","102",""
      "3","Max","Power","max.power@example.com","","Acme Corporation","Lead","New","101",""
      "4","Ada","Byron","ada.byron@example.com","","Tech Innovators","Customer","Connected","102","2027-03-01"
      "5","Bad","Email","bad-email@","","","Lead","","",""
      "6","Solo","Founder","solo@startup.example.com","","Startup Ltd","Opportunity","In Progress","",""
      """;

  private SampleData() {}

  static CsvExportSource<HubSpotCompany> companies() {
    return CsvExportSource.companies(
        new StringReader(COMPANIES), "companies.csv", PropertyCatalog.empty());
  }

  static CsvExportSource<HubSpotContact> contacts() {
    return CsvExportSource.contacts(
        new StringReader(CONTACTS), "contacts.csv", PropertyCatalog.empty());
  }
}
