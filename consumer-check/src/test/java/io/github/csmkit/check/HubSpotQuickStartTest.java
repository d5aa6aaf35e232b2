package io.github.csmkit.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.csmkit.client.model.CustomerProfileOperation;
import org.junit.jupiter.api.Test;

class HubSpotQuickStartTest {
  @Test
  void mapsAContactWithTheDefaultMapping() {
    CustomerProfileOperation op = HubSpotQuickStart.map("ada@example.com");
    assertEquals("ada@example.com", op.payload().email().orElseThrow(), op.toString());
  }
}
