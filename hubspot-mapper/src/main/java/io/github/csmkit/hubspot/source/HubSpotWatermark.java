package io.github.csmkit.hubspot.source;

import java.time.Instant;

/**
 * How far a sync has read HubSpot, per object type: the newest modification time (HubSpot's clock)
 * of a record read and settled. A null part means that type has never been read: the next read of
 * it is a full one.
 *
 * @param contacts the contacts' watermark ({@code lastmodifieddate}), or null
 * @param companies the companies' watermark ({@code hs_lastmodifieddate}), or null
 */
public record HubSpotWatermark(Instant contacts, Instant companies) {
  /** No watermark: the next read is a full one. */
  public static final HubSpotWatermark NONE = new HubSpotWatermark(null, null);
}
