package io.github.csmkit.examples;

import io.github.csmkit.client.model.CustomerAccount;
import io.github.csmkit.client.model.CustomerAccountBatch;
import io.github.csmkit.hubspot.mapping.ContactDeduplicator;
import io.github.csmkit.hubspot.source.CsvExportSource;
import io.github.csmkit.hubspot.source.HubSpotContact;
import io.github.csmkit.hubspot.source.PropertyCatalog;
import java.io.StringReader;
import java.util.List;

/** Before importing, keep one contact per email (the first seen; case and spaces ignored). */
public final class DeduplicationExample {
  static final String CONTACTS =
      """
      "Record ID","First Name","Last Name","Email"
      "1","John","Doe","john.doe@example.com"
      "2","Jane","Roe","jane.roe@example.com"
      "3","Johnny","Doe"," JOHN.DOE@example.com "
      "4","Max","Power","max@example.com"
      """;

  public static void main(String[] args) {
    List<HubSpotContact> unique;
    try (var source =
        CsvExportSource.contacts(
            new StringReader(CONTACTS), "contacts.csv", PropertyCatalog.empty())) {
      unique =
          new ContactDeduplicator()
              .filter(
                  source.parsed(rejected -> System.out.println("rejected: " + rejected)),
                  dup ->
                      System.out.println(
                          "duplicate: contact "
                              + dup.duplicate().id()
                              + " has the email of "
                              + dup.kept()))
              .toList();
    }
    System.out.println("Kept " + unique.size() + " of 4 contacts");

    try (ExampleCsm target = ExampleCsm.connect()) {
      CustomerAccountBatch batch =
          CustomerAccountBatch.of(
              unique.stream()
                  .map(
                      c ->
                          CustomerAccount.of(
                              c.email().orElseThrow().strip(), c.property("firstname").orElse("")))
                  .toList());
      System.out.println(
          "Imported: task "
              + target.csm.tasks().await(target.csm.customerAccounts().submit(batch)).state());
    }
  }
}
