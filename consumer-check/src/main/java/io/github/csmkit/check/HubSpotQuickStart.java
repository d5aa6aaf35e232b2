package io.github.csmkit.check;

import io.github.csmkit.client.model.CustomerProfileOperation;
import io.github.csmkit.hubspot.mapping.HubSpotMapping;
import io.github.csmkit.hubspot.mapping.MappedContact;
import io.github.csmkit.hubspot.mapping.Mapper;
import io.github.csmkit.hubspot.source.HubSpotContact;
import io.github.csmkit.hubspot.source.SourcePosition;
import java.util.List;
import java.util.Map;

/** hubspot-mapper as a user calls it: one HubSpot contact mapped with the guide's defaults. */
public final class HubSpotQuickStart {
  private HubSpotQuickStart() {}

  /** Maps a contact with an email, a name and a phone to a customer-profile operation. */
  public static CustomerProfileOperation map(String email) {
    HubSpotContact contact =
        new HubSpotContact(
            "101",
            Map.of("email", email, "firstname", "Ada", "lastname", "Lovelace", "phone", "+1-555"),
            List.of(),
            false,
            new SourcePosition("consumer-check", 0, 1));
    MappedContact mapped = Mapper.of(HubSpotMapping.defaults()).map(contact);
    return mapped.operationWithOrganizations(List.of());
  }
}
